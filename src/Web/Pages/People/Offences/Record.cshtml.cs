using CaseManager.Application.Offences.RecordOffence;
using CaseManager.Application.OffenceTypes.ListOffenceTypes;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Offences;

/// <summary>
/// Records an offence a person committed (RecordOffenceCommand), for the IOM measures of offending and its cost; every
/// error on the form is listed at once.
/// </summary>
public sealed class RecordOffenceModel(ISender sender, IValidator<RecordOffenceCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public OffenceInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];

    public string PersonHref => PersonSections.Href(Id, PersonSection.Offences);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.CommittedOn.TryGetDate(out var committedOn))
        {
            ModelState.AddModelError("Input.CommittedOn", "The date of the offence must be a real date");
        }

        if (!Input.ConvictedOn.TryGetDate(out var convictedOn))
        {
            ModelState.AddModelError("Input.ConvictedOn", "The conviction date must be a real date");
        }

        var command = new RecordOffenceCommand(new PersonId(Id), string.IsNullOrEmpty(Input.OffenceType) ? null : Input.OffenceType, committedOn, convictedOn,
            string.IsNullOrWhiteSpace(Input.Outcome) ? null : Input.Outcome.Trim());
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var offence = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"Offence recorded: {offence.OffenceTypeName ?? offence.OffenceType}";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(Id)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        var types = await sender.Send(new ListOffenceTypesQuery(), cancellationToken);
        TypeItems = [new("Select an offence type", string.Empty), .. types.Select(t => new SelectListItem(t.Name, t.Code))];
    }
}

public sealed class OffenceInput
{
    public string? OffenceType { get; set; }

    public DateParts CommittedOn { get; set; } = new();

    public DateParts ConvictedOn { get; set; } = new();

    public string? Outcome { get; set; }
}
