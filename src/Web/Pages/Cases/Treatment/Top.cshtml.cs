using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Treatment.ListTops;
using CaseManager.Application.Treatment.RecordTop;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Treatment;

/// <summary>
/// Recording a TOP (DT3) as GOV.UK question pages: 1 the stage and date; 2 substance use; 3 injecting and crime;
/// 4 health, quality of life, work and housing; 5 check your answers, which sends the one RecordTopCommand. Each page
/// checks only its own questions and lists every error at once; a page with errors changes nothing in the draft. A
/// "Change" link on the check page opens a page with <c>change=true</c>, which returns to the check page. The draft
/// waits in TempData for this case (see <see cref="TopDraft"/> for why).
/// </summary>
public sealed class TopModel(ISender sender, PartnershipClock clock, ICurrentUser currentUser) : PageModel, Errors.IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Step { get; set; } = 1;

    /// <summary>The page was opened from a Change link: it goes back to check your answers.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Change { get; set; }

    [BindProperty]
    public TopStage? Stage { get; set; }

    [BindProperty]
    public DateParts CompletedOn { get; set; } = new();

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    public string PersonName { get; private set; } = string.Empty;

    public string CaseHref => $"/cases/{Id}";

    public string Href => $"/cases/{Id}/treatment/top";

    public string StepHref(int step, bool change = false) => $"{Href}?step={step}{(change ? "&change=true" : string.Empty)}";

    public string BackHref => Change ? StepHref(TopForm.CheckStep) : Step == 1 ? CaseHref : StepHref(Step - 1);

    public string Title => TopForm.Titles[Step - 1];

    public TopDraft Draft { get; private set; } = null!;

    /// <summary>DT3: young people's service records the young people's outcome record, which asks the TOP's questions.</summary>
    public bool YoungPeople { get; private set; }

    public string RecordName => YoungPeople ? "Young people's outcome record" : "Treatment Outcomes Profile";

    /// <summary>The case has been exited: only the post-treatment TOP can be recorded (DT3).</summary>
    public bool Discharged { get; private set; }

    public IReadOnlyList<SelectListItem> StageItems => Discharged
        ? [new("After treatment", nameof(TopStage.PostTreatment))]
        :
        [
            new("Start of treatment", nameof(TopStage.Start)),
            new("Review", nameof(TopStage.Review)),
            new("Exit", nameof(TopStage.Exit)),
        ];

    public string StageHint => Discharged
        ? "The client has been discharged, so this is the post-treatment TOP"
        : "A review or exit TOP needs a start TOP first. A post-treatment TOP is recorded after discharge.";

    public static string StageName(TopStage? stage) => stage switch
    {
        TopStage.Start => "Start of treatment",
        TopStage.Review => "Review",
        TopStage.Exit => "Exit",
        TopStage.PostTreatment => "After treatment",
        _ => "Not answered",
    };

    public TopQuestions Questions => new(TopForm.Step(Step), Answers, ModelState);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Step is < 1 or > TopForm.CheckStep)
        {
            return Redirect(Href);
        }

        Draft = TopDraft.Peek(TempData, Id) ?? new TopDraft(Id, null, null, []);
        if (Step > 1 && Draft.Stage is null)
        {
            // The later pages follow the first: without its answers, start there.
            return Redirect(Href);
        }

        await LoadAsync(cancellationToken);
        Stage = Draft.Stage;
        CompletedOn = DateParts.From(Draft.CompletedOn);
        Answers = new Dictionary<string, string?>(Draft.Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Step is < 1 or > TopForm.CheckStep)
        {
            return Redirect(Href);
        }

        await LoadAsync(cancellationToken);
        var draft = TopDraft.Peek(TempData, Id) ?? new TopDraft(Id, null, null, []);
        if (Step > 1 && draft.Stage is null)
        {
            return Redirect(Href);
        }

        if (Step == TopForm.CheckStep)
        {
            var top = await sender.Send(new RecordTopCommand(new CaseId(Id), draft.Stage, draft.CompletedOn, TopForm.ToAnswers(draft.Answers)), cancellationToken);
            TopDraft.Clear(TempData, Id);
            TempData["Success"] = $"{StageName(Enum.Parse<TopStage>(top.Stage))} {(YoungPeople ? "outcome record" : "TOP")} of {LocalTime.Date(top.CompletedOn)} recorded";
            return Redirect($"{CaseHref}#treatment");
        }

        var completedOn = draft.CompletedOn;
        if (Step == 1)
        {
            completedOn = await CheckFirstPageAsync(cancellationToken);
        }
        else
        {
            TopForm.Check(TopForm.Step(Step), Answers, ModelState);
        }

        if (!ModelState.IsValid)
        {
            Draft = draft;
            return Page();
        }

        var answers = new Dictionary<string, string?>(draft.Answers);
        foreach (var field in TopForm.Step(Step))
        {
            answers[field.Name] = Answers.GetValueOrDefault(field.Name)?.Trim();
        }

        (draft with { Stage = Step == 1 ? Stage : draft.Stage, CompletedOn = completedOn, Answers = answers }).Keep(TempData);
        return Redirect(Change ? StepHref(TopForm.CheckStep) : StepHref(Step + 1));
    }

    /// <summary>
    /// The stage and date, every error at once: a stage, a real date not in the future, and (DT3) a review or exit TOP
    /// only when the start TOP exists (the command refuses it too, 409 top.no-start).
    /// </summary>
    private async Task<DateOnly?> CheckFirstPageAsync(CancellationToken cancellationToken)
    {
        if (Stage is null || !Enum.IsDefined(Stage.Value))
        {
            ModelState.AddModelError(nameof(Stage), "Select the stage of the TOP");
        }
        else if (TopRecord.RequiresStart(Stage.Value))
        {
            var tops = await sender.Send(new ListTopsQuery(new CaseId(Id)), cancellationToken);
            if (!tops.Any(t => t.Stage == nameof(TopStage.Start)))
            {
                ModelState.AddModelError(nameof(Stage), "Record the start TOP first: a review or exit TOP counts only against a start TOP");
            }
        }

        if (!CompletedOn.TryGetDate(out var completedOn) || completedOn is null)
        {
            ModelState.AddModelError(nameof(CompletedOn), CompletedOn.IsEmpty ? "Enter the date the TOP was completed" : "The date the TOP was completed must be a real date");
        }
        else if (completedOn > clock.Today)
        {
            ModelState.AddModelError(nameof(CompletedOn), "The TOP date cannot be in the future");
        }

        return completedOn;
    }

    /// <summary>After a refusal (such as top.no-start) the check page is shown again with the draft.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Draft = TopDraft.Peek(TempData, Id) ?? new TopDraft(Id, null, null, []);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        if (found.OwnerAgency != currentUser.Actor.Agency?.Value)
        {
            // A partner that may read the case (with consent) still does not record its TOPs: refused before any page.
            throw new ForbiddenAccessException($"Only {found.OwnerAgency}, which owns this case, records its TOPs.");
        }

        PersonName = found.PersonName ?? string.Empty;
        Discharged = found.Status == nameof(CaseStatus.Exited);
        YoungPeople = found.Scheme == nameof(Domain.Agencies.Scheme.YoungPeopleTreatment);
    }
}
