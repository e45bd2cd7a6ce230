using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Outcomes;

/// <summary>
/// Records anti-social behaviour by a person, or an action about it (RecordAsbCommand, the command of
/// <c>POST /api/v1/people/{id}/asb</c>; DOMAIN.md TF1 (a)). Every error on the form is listed at once.
/// </summary>
public sealed class RecordAsbModel(ISender sender, IValidator<RecordAsbCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AsbInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> KindItems { get; } = OutcomeWords.AsbItems().ToList();

    public string PersonHref => PersonSections.Href(Id, PersonSection.Asb);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.OccurredOn.TryGetDate(out var occurredOn))
        {
            ModelState.AddModelError("Input.OccurredOn", "The date must be a real date");
        }

        var command = new RecordAsbCommand(new PersonId(Id), Input.Kind, occurredOn, string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim());
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var record = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"Anti-social behaviour recorded: {OutcomeWords.Asb(Enum.Parse<AsbKind>(record.Kind))} on {LocalTime.Date(record.OccurredOn)}";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var person = await sender.Send(new GetPersonQuery(new PersonId(Id)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
    }
}

public sealed class AsbInput
{
    public AsbKind? Kind { get; set; }

    public DateParts OccurredOn { get; set; } = new();

    public string? Description { get; set; }
}
