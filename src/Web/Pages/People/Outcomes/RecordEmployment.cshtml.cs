using CaseManager.Application.Outcomes.RecordEmployment;
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
/// Records a spell of an adult's working life (RecordEmploymentCommand, the command of
/// <c>POST /api/v1/people/{id}/employment</c>; DOMAIN.md TF1 (c)): on an out-of-work benefit (which one is revealed
/// under that answer), in work, on the Work Programme or with ESF provision, from a day and, when it has ended, to a
/// day. Every error on the form is listed at once.
/// </summary>
public sealed class RecordEmploymentModel(ISender sender, IValidator<RecordEmploymentCommand> validator) : PageModel, IReloadablePage
{
    /// <summary>The out-of-work benefit answer reveals which benefit.</summary>
    public static readonly IReadOnlyDictionary<string, string> BenefitReveals =
        new Dictionary<string, string> { [nameof(EmploymentKind.OutOfWorkBenefit)] = "benefit-question" };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EmploymentInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> KindItems { get; } = OutcomeWords.EmploymentItems().ToList();

    public IReadOnlyList<SelectListItem> BenefitItems { get; } = OutcomeWords.BenefitItems().ToList();

    public string PersonHref => PersonSections.Href(Id, PersonSection.Employment);

    /// <summary>The benefit question starts hidden (with JavaScript) unless its answer is chosen or it holds an error.</summary>
    public bool BenefitChosen => Input.Kind == EmploymentKind.OutOfWorkBenefit
        || ModelState.GetFieldValidationState("Input.Benefit") == ModelValidationState.Invalid;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.From.TryGetDate(out var from))
        {
            ModelState.AddModelError("Input.From", "The start date must be a real date");
        }

        if (!Input.To.TryGetDate(out var to))
        {
            ModelState.AddModelError("Input.To", "The end date must be a real date");
        }

        if (Input.Kind == EmploymentKind.OutOfWorkBenefit && Input.Benefit is null)
        {
            ModelState.AddModelError("Input.Benefit", "Select the out-of-work benefit");
        }

        var command = new RecordEmploymentCommand(new PersonId(Id), Input.Kind, from, to,
            string.IsNullOrWhiteSpace(Input.Detail) ? null : Input.Detail.Trim(), Input.Benefit);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var record = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{OutcomeWords.Employment(Enum.Parse<EmploymentKind>(record.Kind))} from {LocalTime.Date(record.From)} recorded";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(Id)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
    }
}

public sealed class EmploymentInput
{
    public EmploymentKind? Kind { get; set; }

    public BenefitType? Benefit { get; set; }

    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();

    public string? Detail { get; set; }
}
