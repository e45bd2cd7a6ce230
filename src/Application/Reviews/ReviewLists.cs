using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Which open reviews a list holds, in SQL: the one rule behind the review list (<c>ListReviewsQuery</c>), its tabs'
/// counts and the home page's "reviews due and overdue", so that a count always matches its list.
/// </summary>
public static class ReviewLists
{
    public static IQueryable<ResponsibleReview> Rows(
        IAppDbContext db, IRecordAccess access, Actor actor, DateOnly today, int reminderWindowDays, bool allocatedToMe, ReviewState? state, AgencyCode? owner)
    {
        var dueFrom = today.AddDays(reminderWindowDays);
        var reviews = ReadableReviews.Of(access, db, db.Reviews.AsNoTracking()).Where(r => r.Status == ReviewStatus.Open);
        reviews = state switch
        {
            ReviewState.Overdue => reviews.Where(r => r.DueOn < today),
            ReviewState.Due => reviews.Where(r => r.DueOn >= today && r.DueOn <= dueFrom),
            ReviewState.Upcoming => reviews.Where(r => r.DueOn > dueFrom),
            _ => reviews,
        };
        if (owner is { } agency)
        {
            reviews = reviews.Where(r => r.OwnerAgency == agency);
        }

        var rows = ResponsibleReviews.Of(db, reviews);
        if (allocatedToMe)
        {
            // By the reminders' rule (ResponsibleReviews.ActionableAsync): the caller answers for a review only in
            // their own agency and with a case-working role. A worker who moved to a partner agency may still read
            // the old agency's cases under an agreement, but their reviews are no longer this worker's.
            var me = actor.RequireUserId();
            var mine = actor.RequireAgency();
            var canAct = actor.Roles.Any(OpenCaseHandler.WorkerRoles.Contains);
            rows = rows.Where(x => canAct && x.Responsible == me && x.Review.OwnerAgency == mine);
        }

        return rows;
    }
}
