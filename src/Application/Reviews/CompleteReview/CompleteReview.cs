using CaseManager.Application.Cases;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Reviews.CompleteReview;

/// <summary>
/// A worker of the owning agency records that a review took place, with its date and a summary. For a case review
/// the next review is scheduled one interval after that date. A consent review is reviewed once: nothing follows it
/// (a renewed consent is recorded as a new consent, with its own review), and its date cannot be before the consent
/// was recorded. A review the caller may not see is "not found"; one of another agency is forbidden; a review of an
/// exited case is refused (409 case.already-exited).
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record CompleteReviewCommand(ReviewId ReviewId, DateOnly? CompletedOn, string? Summary) : ICommand<CompletedReview>;

/// <summary>The completed review and the one scheduled after it; a consent review has none after it (nulls).</summary>
public sealed record CompletedReview(Guid Id, DateOnly CompletedOn, Guid? NextReviewId, DateOnly? NextReviewDue);

public sealed class CompleteReviewValidator : AbstractValidator<CompleteReviewCommand>
{
    public CompleteReviewValidator(PartnershipClock clock)
    {
        RuleFor(c => c.CompletedOn).NotNull().WithMessage("Enter the date of the review")
            .Must(d => d is null || d <= clock.Today).WithMessage("The review date cannot be in the future");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise the review")
            .MaximumLength(4000).WithMessage("The summary must be 4000 characters or fewer");
        RuleFor(c => c.Summary).MultilineText();
    }
}

public sealed class CompleteReviewHandler(
    IAppDbContext db,
    IRecordAccess access,
    CaseGate gate,
    ICurrentUser currentUser,
    IAuditTrail audit,
    PartnershipClock clock,
    ReviewPlanner planner) : ICommandHandler<CompleteReviewCommand, CompletedReview>
{
    public async ValueTask<CompletedReview> Handle(CompleteReviewCommand command, CancellationToken cancellationToken)
    {
        var review = await ReadableReviews.Of(access, db, db.Reviews).SingleOrDefaultAsync(r => r.Id == command.ReviewId, cancellationToken);
        if (review is null)
        {
            var personId = await db.Reviews.AsNoTracking().Where(r => r.Id == command.ReviewId).Select(r => (PersonId?)r.PersonId).SingleOrDefaultAsync(cancellationToken);
            throw await AccessAudit.RefuseAsync(db, audit, "review.complete",
                new AuditSubject("Review", command.ReviewId.ToString(), personId?.Value), "Review", command.ReviewId, cancellationToken);
        }

        var completedOn = command.CompletedOn!.Value;
        if (review.ConsentId is { } consentId)
        {
            return await CompleteConsentReviewAsync(review, consentId, completedOn, command.Summary, cancellationToken);
        }

        var target = await gate.OwnedAsync(review.CaseId!.Value, "review.complete", cancellationToken);
        target.EnsureOpen();
        review.Complete(completedOn, command.Summary, currentUser.Actor.RequireUserId(), target.StartDate, clock.Today, clock.Now);
        var next = planner.ScheduleNext(target, completedOn, clock.Now);
        audit.Record("review.complete", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Review", review.Id.ToString(), review.PersonId?.Value, review.OwnerAgency), $"Next review due {next.DueOn:yyyy-MM-dd}");
        return new CompletedReview(review.Id.Value, completedOn, next.Id.Value, next.DueOn);
    }

    /// <summary>Only the agency that recorded the consent reviews it; an agency it is shared with may see the review (403).</summary>
    private async Task<CompletedReview> CompleteConsentReviewAsync(Review review, ConsentId consentId, DateOnly completedOn, string? summary, CancellationToken cancellationToken)
    {
        if (review.OwnerAgency != currentUser.Actor.RequireAgency())
        {
            throw new ForbiddenAccessException($"Only {review.OwnerAgency}, which recorded this consent, can review it.");
        }

        var consent = await db.Consents.AsNoTracking().SingleAsync(c => c.Id == consentId, cancellationToken);
        review.Complete(consent, completedOn, summary, currentUser.Actor.RequireUserId(), clock.Today, clock.Now);
        audit.Record("review.complete", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Review", review.Id.ToString(), review.PersonId?.Value, review.OwnerAgency), $"Consent {consentId} reviewed; no review follows");
        return new CompletedReview(review.Id.Value, completedOn, null, null);
    }
}
