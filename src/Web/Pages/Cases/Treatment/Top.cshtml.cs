using CaseManager.Application.Cases.GetCase;
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
/// Recording a TOP (DT3) in short pages: stage, date and substance use; then crime, health and social functioning;
/// then check your answers, which sends the one RecordTopCommand. The draft waits in TempData for this case.
/// </summary>
public sealed class TopModel(ISender sender) : PageModel, Errors.IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Step { get; set; } = 1;

    [BindProperty]
    public TopStage? Stage { get; set; }

    [BindProperty]
    public DateParts CompletedOn { get; set; } = new();

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    public string PersonName { get; private set; } = string.Empty;

    public string CaseHref => $"/cases/{Id}";

    public string Href => $"/cases/{Id}/treatment/top";

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

    public TopQuestions Questions => new(TopForm.Step(Step), Answers, ModelState);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Step is < 1 or > 3)
        {
            return Redirect(Href);
        }

        Draft = TopDraft.Peek(TempData, Id) ?? new TopDraft(Id, null, null, []);
        if (Step == 3 && Draft.Stage is null)
        {
            return Redirect(Href);
        }

        Stage = Draft.Stage;
        CompletedOn = DateParts.From(Draft.CompletedOn);
        Answers = new Dictionary<string, string?>(Draft.Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = TopDraft.Peek(TempData, Id) ?? new TopDraft(Id, null, null, []);
        if (Step == 3)
        {
            var top = await sender.Send(new RecordTopCommand(new CaseId(Id), draft.Stage, draft.CompletedOn, TopForm.ToAnswers(draft.Answers)), cancellationToken);
            TopDraft.Clear(TempData);
            TempData["Success"] = $"{top.Stage} TOP of {LocalTime.Date(top.CompletedOn)} recorded";
            return Redirect($"{CaseHref}#treatment");
        }

        var completedOn = draft.CompletedOn;
        if (Step == 1)
        {
            if (Stage is null)
            {
                ModelState.AddModelError(nameof(Stage), "Select the stage of the TOP");
            }

            if (!CompletedOn.TryGetDate(out completedOn) || completedOn is null)
            {
                ModelState.AddModelError(nameof(CompletedOn), "Enter the date the TOP was completed, as a real date");
            }
        }

        TopForm.Check(TopForm.Step(Step), Answers, ModelState);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            Draft = draft;
            return Page();
        }

        var answers = new Dictionary<string, string?>(draft.Answers);
        foreach (var field in TopForm.Step(Step))
        {
            answers[field.Name] = Answers.GetValueOrDefault(field.Name)?.Trim();
        }

        (draft with { Stage = Step == 1 ? Stage : draft.Stage, CompletedOn = completedOn, Answers = answers }).Keep(TempData);
        return Redirect($"{Href}?step={Step + 1}");
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
        PersonName = found.PersonName ?? string.Empty;
        Discharged = found.Status == nameof(CaseStatus.Exited);
        YoungPeople = found.Scheme == nameof(Domain.Agencies.Scheme.YoungPeopleTreatment);
    }
}
