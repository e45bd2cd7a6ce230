using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews.CountReviews;

/// <summary>
/// How many reviews each tab of the review list holds: the caller's own due, overdue and upcoming reviews, and for a
/// manager their agency's overdue ones. Counted by the list's own rule (<see cref="ReviewLists"/>).
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record CountReviewsQuery(bool IncludeAgencyOverdue = false) : IQuery<ReviewCounts>;

public sealed record ReviewCounts(int Due, int Overdue, int Upcoming, int? AgencyOverdue);

public sealed class CountReviewsHandler(IAppDbContext db, IRecordAccess access, ICurrentUser currentUser, PartnershipClock clock, IOptions<ReviewOptions> options)
    : IQueryHandler<CountReviewsQuery, ReviewCounts>
{
    public async ValueTask<ReviewCounts> Handle(CountReviewsQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var today = clock.Today;
        var window = options.Value.ReminderWindowDays;
        Task<int> Mine(ReviewState state) => ReviewLists.Rows(db, access, actor, today, window, allocatedToMe: true, state, owner: null).CountAsync(cancellationToken);

        var due = await Mine(ReviewState.Due);
        var overdue = await Mine(ReviewState.Overdue);
        var upcoming = await Mine(ReviewState.Upcoming);
        int? agency = query.IncludeAgencyOverdue
            ? await ReviewLists.Rows(db, access, actor, today, window, allocatedToMe: false, ReviewState.Overdue, actor.RequireAgency()).CountAsync(cancellationToken)
            : null;
        return new ReviewCounts(due, overdue, upcoming, agency);
    }
}
