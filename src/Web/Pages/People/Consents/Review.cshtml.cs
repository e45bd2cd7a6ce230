using CaseManager.Application.Consents.GetConsent;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using CaseManager.Web.Pages.Reviews;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People.Consents;

/// <summary>
/// Records that a consent was reviewed, with its date and what came of it (CompleteReviewCommand). Nothing is
/// scheduled after it: if the person agrees again, the worker records a new consent, which has its own review.
/// </summary>
public sealed class ReviewConsentModel(ISender sender, LocalTime time) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ConsentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ReviewId { get; set; }

    [BindProperty]
    public CompleteReviewInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SummaryRow> Consent { get; private set; } = [];

    public string PersonHref => PersonSections.Href(Id, PersonSection.Consent);

    public string NewConsentHref => $"/people/{Id}/consents/create";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.CompletedOn = DateParts.From(time.Today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.ToCommand(ReviewId, ModelState) is not { } command)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        await sender.Send(command, cancellationToken);
        TempData["Success"] = "Consent review recorded.";
        return Redirect(PersonHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var personId = new PersonId(Id);
        var person = await sender.Send(new GetPersonQuery(personId), cancellationToken);
        var consent = await sender.Send(new GetConsentQuery(personId, new ConsentId(ConsentId)), cancellationToken);
        PersonName = $"{person.GivenName} {person.FamilyName}";
        Consent =
        [
            new("Purpose", SchemeNames.Of<Scheme>(consent.Purpose)),
            new("Shared with", string.Join(", ", consent.RecipientAgencies)),
            new("Information", SchemeNames.ListOf<DataCategory>(consent.DataCategories)),
            new("Recorded", LocalTime.Date(consent.RecordedOn)),
            new("Review by", LocalTime.Date(consent.ReviewOn)),
            new("Status", SchemeNames.Of<ConsentStatus>(consent.Status)),
        ];
    }
}

