using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Outcomes.EndEmployment;
using CaseManager.Application.Outcomes.GetEmploymentRecord;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Outcomes;

/// <summary>
/// Ends a work or benefit spell on its last day (EndEmploymentCommand, the command of
/// <c>POST /api/v1/people/{id}/employment/{recordId}/end</c>). Only the agency that recorded the spell may: the page
/// is refused to anyone else, as the command is.
/// </summary>
public sealed class EndEmploymentModel(ISender sender, IValidator<EndEmploymentCommand> validator, ICurrentUser currentUser) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid RecordId { get; set; }

    [BindProperty]
    public EndEmploymentInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public string Spell { get; private set; } = string.Empty;

    public string PersonHref => PersonSections.Href(Id, PersonSection.Employment);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.To.TryGetDate(out var to))
        {
            ModelState.AddModelError("Input.To", "The end date must be a real date");
        }

        var command = new EndEmploymentCommand(new PersonId(Id), new EmploymentRecordId(RecordId), to);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var record = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{OutcomeWords.Employment(Enum.Parse<EmploymentKind>(record.Kind))} from {LocalTime.Date(record.From)} ended on {LocalTime.Date(record.To)}";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(Id)), cancellationToken);
        var record = await sender.Send(new GetEmploymentRecordQuery(new PersonId(Id), new EmploymentRecordId(RecordId)), cancellationToken);
        if (!string.Equals(record.OwnerAgency, currentUser.Actor.Agency?.ToString(), StringComparison.Ordinal))
        {
            throw new ForbiddenAccessException($"Only {record.OwnerAgency}, which recorded this spell, can end it.");
        }

        PersonName = $"{person.GivenName} {person.FamilyName}";
        var kind = record.Benefit is { } benefit ? OutcomeWords.Benefit(Enum.Parse<BenefitType>(benefit)) : OutcomeWords.Employment(Enum.Parse<EmploymentKind>(record.Kind));
        Spell = $"{kind} from {LocalTime.Date(record.From)}";
    }
}

public sealed class EndEmploymentInput
{
    public DateParts To { get; set; } = new();
}
