using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Keeps a case's reviews and its <see cref="Case.NextReviewDue"/> in step: opening a case schedules the first
/// review, completing one schedules the next, nominating an exit adds the manager's decision as a review, and
/// exiting cancels whatever is left.
/// </summary>
public sealed class ReviewPlanner(IAppDbContext db, IOptions<ReviewOptions> options)
{
    public Review ScheduleFirst(Case opened, DateTimeOffset at) =>
        Schedule(opened, options.Value.FirstReviewDue(opened.Scheme, opened.StartDate), at);

    public Review ScheduleNext(Case target, DateOnly completedOn, DateTimeOffset at) =>
        Schedule(target, options.Value.NextReviewDue(target.Scheme, completedOn), at);

    /// <summary>The manager should decide an exit nomination within <see cref="ReviewOptions.ExitDecisionDays"/>.</summary>
    public Review ScheduleExitDecision(Case target, DateOnly nominatedOn, DateTimeOffset at)
    {
        var review = Review.Schedule(target, ReviewKind.ExitDecision, nominatedOn.AddDays(options.Value.ExitDecisionDays), at);
        db.Reviews.Add(review);
        return review;
    }

    /// <summary>The nomination was decided: its decision review is done.</summary>
    public Task CloseExitDecisionAsync(Case target, DateTimeOffset at, CancellationToken cancellationToken) =>
        CancelAsync(target.Id, ReviewKind.ExitDecision, at, cancellationToken);

    /// <summary>The case was exited: nothing is left to review.</summary>
    public Task CancelAllAsync(Case target, DateTimeOffset at, CancellationToken cancellationToken)
    {
        target.ScheduleNextReview(null);
        return CancelAsync(target.Id, kind: null, at, cancellationToken);
    }

    private Review Schedule(Case target, DateOnly dueOn, DateTimeOffset at)
    {
        var review = Review.Schedule(target, ReviewKind.Scheme, dueOn, at);
        db.Reviews.Add(review);
        target.ScheduleNextReview(dueOn);
        return review;
    }

    private async Task CancelAsync(CaseId caseId, ReviewKind? kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var open = await db.Reviews
            .Where(r => r.CaseId == caseId && r.Status == ReviewStatus.Open && (kind == null || r.Kind == kind))
            .ToListAsync(cancellationToken);
        foreach (var review in open)
        {
            review.Cancel(at);
        }
    }
}
