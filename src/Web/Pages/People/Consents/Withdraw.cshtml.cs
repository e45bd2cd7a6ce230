using CaseManager.Application.Common;
using CaseManager.Application.Consents.ListConsents;
using CaseManager.Application.Consents.WithdrawConsent;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Consents;

public sealed class WithdrawConsentModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ConsentId { get; set; }

    [BindProperty]
    public WithdrawInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SummaryRow> Consent { get; private set; } = [];

    public bool CanWithdraw { get; private set; }

    public string PersonHref => PersonSections.Href(Id, PersonSection.Consent);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(
            new WithdrawConsentCommand(new PersonId(Id), new ConsentId(ConsentId), string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason),
            cancellationToken);
        TempData["Success"] = "Consent withdrawn. Sharing that relied on it has stopped.";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var personId = new PersonId(Id);
        var person = await sender.Send(new GetPersonQuery(personId), cancellationToken);
        var consents = await sender.Send(new ListConsentsQuery(personId), cancellationToken);
        var consent = consents.SingleOrDefault(c => c.Id == ConsentId) ?? throw NotFoundException.For("Consent", ConsentId);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        CanWithdraw = consent.Status == nameof(ConsentStatus.Given);
        Consent =
        [
            new("Purpose", SchemeNames.Of<Scheme>(consent.Purpose)),
            new("Shared with", string.Join(", ", consent.RecipientAgencies)),
            new("Information", SchemeNames.ListOf<DataCategory>(consent.DataCategories)),
            new("Given by", SchemeNames.Of<ConsentGivenBy>(consent.GivenBy)),
            new("Recorded", LocalTime.Date(consent.RecordedOn)),
            new("Status", SchemeNames.Of<ConsentStatus>(consent.Status)),
        ];
    }
}

public sealed class WithdrawInput
{
    public string? Reason { get; set; }
}
