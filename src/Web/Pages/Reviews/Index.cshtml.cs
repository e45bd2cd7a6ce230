using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Reviews.CountReviews;
using CaseManager.Application.Reviews.ListReviews;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Reviews;

public sealed class ReviewsIndexModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    private const int PageSize = 25;

    /// <summary>Which tab: a state of the caller's own reviews, or (managers) the agency's overdue reviews.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public bool IsManager => currentUser.Actor.IsInRole(Role.Manager);

    /// <summary>Only the owning agency records a review, so only its rows offer it.</summary>
    public string? AgencyCode => currentUser.Actor.Agency?.Value;

    public bool AgencyOverdue => IsManager && string.Equals(Show, "agency", StringComparison.OrdinalIgnoreCase);

    public ReviewState State { get; private set; }

    public Paged<ReviewListItem>? Results { get; private set; }

    public Pagination? Pages { get; private set; }

    /// <summary>How many reviews each tab holds, counted by the list's own rule.</summary>
    public ReviewCounts? Counts { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        State = Enum.TryParse<ReviewState>(Show, ignoreCase: true, out var state) ? state : ReviewState.Due;
        var query = AgencyOverdue
            ? new ListReviewsQuery(false, nameof(ReviewState.Overdue), currentUser.Actor.Agency?.Value, Math.Max(pageNumber, 1), PageSize)
            : new ListReviewsQuery(true, State.ToString(), null, Math.Max(pageNumber, 1), PageSize);
        Results = await sender.Send(query, cancellationToken);
        Counts = await sender.Send(new CountReviewsQuery(IncludeAgencyOverdue: IsManager), cancellationToken);
        var show = AgencyOverdue ? "agency" : State.ToString();
        Pages = Pagination.For(Results, "Pages of reviews", p => $"/reviews?show={show}&page={p}");
    }

    public static string KindName(ReviewListItem review) => review.Kind switch
    {
        nameof(ReviewKind.ExitDecision) => "Exit decision",
        nameof(ReviewKind.Consent) => "Consent review",
        _ => "Scheme review",
    };

    /// <summary>
    /// What a row offers. Only the owning agency records a review: a scheme review on its case's page, a consent
    /// review on its consent's. Anyone else is taken to the case, or for a consent review to the person's consents.
    /// </summary>
    public ReviewAction ActionFor(ReviewListItem review)
    {
        var ours = review.OwnerAgency == AgencyCode;
        return (review.Kind, review.ConsentId) switch
        {
            (nameof(ReviewKind.Consent), { } consentId) when ours =>
                new($"/people/{review.PersonId}/consents/{consentId}/reviews/{review.Id}/complete", "Record review", "complete-review", "this consent"),
            (nameof(ReviewKind.Consent), _) => new(People.PersonSections.Href(review.PersonId.GetValueOrDefault(), People.PersonSection.Consent), "View consents", "view-consents", "this person"),
            (nameof(ReviewKind.Scheme), _) when ours =>
                new($"/cases/{review.CaseId}/reviews/{review.Id}/complete", "Record review", "complete-review", "this case"),
            _ => new($"/cases/{review.CaseId}", "View case", "view-case", "this case"),
        };
    }
}

public sealed record ReviewAction(string Href, string Text, string TestId, string Subject);
