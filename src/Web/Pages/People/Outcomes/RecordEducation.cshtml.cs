using System.Globalization;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Outcomes.RecordEducation;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Outcomes;

/// <summary>
/// Records an education fact about a child (RecordEducationCommand, the command of
/// <c>POST /api/v1/people/{id}/education</c>; DOMAIN.md TF1 (b)): an exclusion, alternative provision, not on a roll,
/// or a term's attendance. The questions each kind takes (<see cref="EducationRecord.FieldsOf"/>) are revealed under
/// it, and all show without JavaScript; an answer to a question the chosen kind does not take is an error, not
/// dropped. Every error on the form is listed at once.
/// </summary>
public sealed class RecordEducationModel(ISender sender, IValidator<RecordEducationCommand> validator, PartnershipClock clock) : PageModel, IReloadablePage
{
    private const string DateBlock = "education-date";
    private const string DaysBlock = "education-days";
    private const string TermBlock = "education-term";

    /// <summary>The blocks of questions each kind reveals: the ones holding the fields it takes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reveals = Enum.GetValues<EducationKind>().ToDictionary(
        k => k.ToString(),
        k => string.Join(' ', BlocksOf(EducationRecord.FieldsOf(k))));

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EducationInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> KindItems { get; } = OutcomeWords.EducationItems().ToList();

    public IReadOnlyList<SelectListItem> TermItems { get; private set; } = [];

    public string PersonHref => PersonSections.Href(Id, PersonSection.Education);

    /// <summary>A block starts shown (with JavaScript) when the chosen kind reveals it or it holds an error.</summary>
    public bool Shows(string block) =>
        (Input.Kind is { } kind && BlocksOf(EducationRecord.FieldsOf(kind)).Contains(block))
        || FieldsIn(block).Any(field => ModelState.GetFieldValidationState($"Input.{field}") == ModelValidationState.Invalid);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.On.TryGetDate(out var on))
        {
            ModelState.AddModelError("Input.On", "The date must be a real date");
        }

        var days = Number(Input.Days, nameof(Input.Days), "The number of days must be a whole number, like 3");
        var possible = Number(Input.SessionsPossible, nameof(Input.SessionsPossible), "Sessions possible must be a whole number, like 120");
        var absent = Number(Input.UnauthorisedAbsenceSessions, nameof(Input.UnauthorisedAbsenceSessions), "Unauthorised absences must be a whole number, like 18");
        var term = string.IsNullOrWhiteSpace(Input.Term) ? null : Input.Term.Trim();
        if (Input.Kind is { } kind && Enum.IsDefined(kind))
        {
            NotTaken(kind, EducationFields.On, nameof(Input.On), !Input.On.IsEmpty, "Leave the date empty");
            NotTaken(kind, EducationFields.Days, nameof(Input.Days), Input.Days is not null && Input.Days.Trim().Length > 0, "Leave the number of days empty");
            NotTaken(kind, EducationFields.Term, nameof(Input.Term), term is not null, "Leave the term empty");
            NotTaken(kind, EducationFields.SessionsPossible, nameof(Input.SessionsPossible), !string.IsNullOrWhiteSpace(Input.SessionsPossible), "Leave sessions possible empty");
            NotTaken(kind, EducationFields.UnauthorisedAbsenceSessions, nameof(Input.UnauthorisedAbsenceSessions), !string.IsNullOrWhiteSpace(Input.UnauthorisedAbsenceSessions), "Leave unauthorised absences empty");
        }

        var command = new RecordEducationCommand(new PersonId(Id), Input.Kind, on, term, days, possible, absent);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var record = await sender.Send(command, cancellationToken);
        var (when, _) = OutcomeWords.Of(record);
        TempData["Success"] = $"Education recorded: {OutcomeWords.Education(Enum.Parse<EducationKind>(record.Kind))}, {when}";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(Id)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        TermItems = [new SelectListItem("Select a term", string.Empty), .. OutcomeWords.TermItems(clock.Today)];
    }

    private static IEnumerable<string> BlocksOf(EducationFields fields)
    {
        if ((fields & EducationFields.On) != 0)
        {
            yield return DateBlock;
        }

        if ((fields & EducationFields.Days) != 0)
        {
            yield return DaysBlock;
        }

        if ((fields & EducationFields.Term) != 0)
        {
            yield return TermBlock;
        }
    }

    private static string[] FieldsIn(string block) => block switch
    {
        DateBlock => [nameof(EducationInput.On)],
        DaysBlock => [nameof(EducationInput.Days)],
        _ => [nameof(EducationInput.Term), nameof(EducationInput.SessionsPossible), nameof(EducationInput.UnauthorisedAbsenceSessions)],
    };

    /// <summary>A whole number typed in a box; null when empty, and an error on the field when it is not one.</summary>
    private int? Number(string? typed, string field, string error)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        ModelState.AddModelError($"Input.{field}", error);
        return null;
    }

    /// <summary>An answer to a question the chosen kind does not take is an error in the page's words (the command refuses it too).</summary>
    private void NotTaken(EducationKind kind, EducationFields field, string name, bool answered, string leaveEmpty)
    {
        if (answered && (EducationRecord.FieldsOf(kind) & field) == 0 && ModelState.GetFieldValidationState($"Input.{name}") != ModelValidationState.Invalid)
        {
            ModelState.AddModelError($"Input.{name}", $"{leaveEmpty}: it is not asked for {OutcomeWords.Education(kind).ToLowerInvariant()}");
        }
    }
}

public sealed class EducationInput
{
    public EducationKind? Kind { get; set; }

    public DateParts On { get; set; } = new();

    public string? Days { get; set; }

    public string? Term { get; set; }

    public string? SessionsPossible { get; set; }

    public string? UnauthorisedAbsenceSessions { get; set; }
}
