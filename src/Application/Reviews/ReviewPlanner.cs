using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Keeps a case's reviews and its <see cref="Case.NextReviewDue"/> in step: opening a case schedules the first
/// review, completing one schedules the next, nominating an exit adds the manager's decision as a review, and
/// exiting cancels whatever is left. Keeps consent reviews in step with their consents: recording given consent
/// schedules its review on its review date and completes the review of any earlier consent it renews; withdrawing
/// consent cancels its review.
/// </summary>
public sealed class ReviewPlanner(IAppDbContext db, IAuditTrail audit, IOptions<ReviewOptions> options)
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

    /// <summary>
    /// A consent was recorded. Given consent is reviewed on its review date; a refusal has nothing to review (it
    /// allows no sharing), so null. Given consent recorded by the same agency for the same person and purpose on or
    /// after an earlier one renews it: the earlier consent's open review is completed, on the renewal's date.
    /// </summary>
    public async Task<Review?> ScheduleConsentReviewAsync(Consent recorded, DateOnly today, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (recorded.Status != ConsentStatus.Given)
        {
            return null;
        }

        var earlier = await db.Reviews
            .Where(r => r.Kind == ReviewKind.Consent && r.Status == ReviewStatus.Open
                && r.PersonId == recorded.PersonId && r.OwnerAgency == recorded.OwnerAgency && r.Scheme == recorded.Purpose)
            .Join(db.Consents, r => r.ConsentId, c => (ConsentId?)c.Id, (r, c) => new { Review = r, Consent = c })
            .ToListAsync(cancellationToken);
        foreach (var renewed in earlier.Where(e => recorded.Renews(e.Consent)))
        {
            renewed.Review.CompleteByRenewal(renewed.Consent, recorded, today, at);
            audit.Record("review.complete", AuditOutcome.Allowed, AccessRule.Owner,
                new AuditSubject("Review", renewed.Review.Id.ToString(), recorded.PersonId.Value, recorded.OwnerAgency), renewed.Review.Summary);
        }

        var review = Review.ScheduleFor(recorded, at);
        db.Reviews.Add(review);
        return review;
    }

    /// <summary>The consent was withdrawn: it allows no more sharing, so there is nothing left to review.</summary>
    public async Task CancelConsentReviewAsync(Consent withdrawn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var open = await db.Reviews
            .Where(r => r.ConsentId == withdrawn.Id && r.Status == ReviewStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var review in open)
        {
            review.Cancel(at);
        }
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
