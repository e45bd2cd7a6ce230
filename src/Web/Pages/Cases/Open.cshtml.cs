using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.Pages.Cases.Treatment;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Pages.Cases;

/// <summary>Enrols a person in a scheme (OpenCaseCommand), with the panel's IOM selection for an IOM case.</summary>
public sealed class OpenCaseModel(ISender sender, ICurrentUser currentUser, IOptions<IomOptions> iom, IValidator<OpenCaseCommand> validator) : PageModel, IReloadablePage, IIomFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty]
    public OpenCaseInput Input { get; set; } = new();

    IomFormInput IIomFormPage.Input => Input;

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> SchemeItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CohortItems => iom.Value.CohortList.Select(c => new SelectListItem(c, c)).ToList();

    public IReadOnlyList<SelectListItem> TierItems => iom.Value.TierList.Select(t => new SelectListItem(t, t)).ToList();

    public IReadOnlyList<SelectListItem> FlagItems => IomFormItems.Flags;

    public string PersonHref => People.PersonSections.Href(PersonId, People.PersonSection.Cases);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (SchemeItems.Count == 1)
        {
            Input.Scheme = SchemeItems[0].Value;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.StartDate.TryGetDate(out var startDate))
        {
            ModelState.AddModelError("Input.StartDate", "The start date must be a real date");
        }

        Scheme? scheme = Enum.TryParse<Scheme>(Input.Scheme, out var parsed) ? parsed : null;
        var isIom = scheme == Scheme.Iom;
        NotApplicable(scheme);
        var (rate, custody) = isIom ? Input.Parse(ModelState, "Input") : (null, null);
        var isTreatment = scheme is { } chosen && Domain.Treatment.TreatmentEpisode.IsTreatment(chosen);
        var treatment = isTreatment ? Input.Treatment.Parse(ModelState, "Input.Treatment") : default;
        var command = new OpenCaseCommand(
                scheme,
                new PersonId(PersonId),
                startDate,
                Cohort: isIom ? IomFormInput.Blank(Input.Cohort) : null,
                Tier: isIom ? IomFormInput.Blank(Input.Tier) : null,
                SelectionReason: isIom ? IomFormInput.Blank(Input.SelectionReason) : null,
                SelectionScore: isIom ? IomFormInput.Blank(Input.SelectionScore) : null,
                PanelNote: isIom ? IomFormInput.Blank(Input.PanelNote) : null,
                Mappa: isIom && Input.Mappa,
                Ppo: isIom && Input.Ppo,
                PredictedReoffendingRate: rate,
                Custody: custody,
                Referral: treatment.Referral,
                TriageDate: treatment.TriageDate,
                Substances: treatment.Substances,
                InjectingStatus: treatment.Injecting);
        if (isTreatment)
        {
            await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken,
                property => TreatmentFormInput.FieldOf(property, "Input.Treatment"));
        }

        if (isIom)
        {
            await IomFormInput.CheckAsync(validator, command, ModelState, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var opened = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{opened.PersonName ?? PersonName} has been enrolled in {SchemeNames.Of<Scheme>(opened.Scheme)}";
        return Redirect($"/cases/{opened.Id}");
    }

    /// <summary>
    /// An answer to a question of another scheme than the one chosen is an error, not dropped (the reveal clears them
    /// when JavaScript runs; without it every question shows).
    /// </summary>
    private void NotApplicable(Scheme? scheme)
    {
        if (scheme is null)
        {
            return;
        }

        var name = SchemeNames.Of(scheme.Value);
        if (scheme != Scheme.Iom)
        {
            foreach (var field in Input.AnsweredIomFields())
            {
                ModelState.AddModelError($"Input.{field}", $"Leave the IOM questions blank when enrolling in {name}");
            }
        }

        if (!Domain.Treatment.TreatmentEpisode.IsTreatment(scheme.Value))
        {
            foreach (var field in Input.Treatment.AnsweredFields())
            {
                ModelState.AddModelError($"Input.Treatment.{field}", $"Leave the treatment questions blank when enrolling in {name}");
            }
        }
    }

    /// <summary>Each scheme answer reveals its own questions: IOM's, or treatment's for either treatment scheme.</summary>
    public static readonly IReadOnlyDictionary<string, string> SchemeReveals = new Dictionary<string, string>
    {
        [nameof(Scheme.Iom)] = "iom-questions",
        [nameof(Scheme.AdultTreatment)] = "treatment-questions",
        [nameof(Scheme.YoungPeopleTreatment)] = "treatment-questions",
    };

    /// <summary>A block starts hidden (with JavaScript) unless its scheme is chosen or it holds an error.</summary>
    public bool Shows(string block) =>
        SchemeReveals.Any(r => r.Value == block && r.Key == Input.Scheme)
        || ModelState.Any(e => e.Value is { Errors.Count: > 0 } && (block == "treatment-questions"
            ? e.Key.StartsWith("Input.Treatment.", StringComparison.Ordinal)
            : IomFormInput.FieldNames.Any(f => e.Key == $"Input.{f}" || e.Key.StartsWith($"Input.{f}.", StringComparison.Ordinal))));

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(PersonId)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        var mine = agencies.SingleOrDefault(a => a.Code == currentUser.Actor.Agency?.Value);
        SchemeItems = [.. (mine?.Schemes ?? []).Select(s => new SelectListItem(SchemeNames.Of(s), s.ToString()))];
    }
}

/// <summary>The enrol form: the scheme and start date, then the IOM questions.</summary>
public sealed class OpenCaseInput : IomFormInput
{
    public string? Scheme { get; set; }

    public DateParts StartDate { get; set; } = new();

    /// <summary>The treatment questions (DT1), used only for a treatment scheme.</summary>
    public TreatmentFormInput Treatment { get; set; } = new();
}
