using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Reviews;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Reviews.CompleteReview;

/// <summary>
/// A worker of the owning agency records that a review took place, with its date and a summary; the next review is
/// scheduled one interval after that date. A review the caller may not see is "not found"; one of another agency
/// is forbidden; a review of an exited case is refused (409 case.already-exited).
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record CompleteReviewCommand(ReviewId ReviewId, DateOnly? CompletedOn, string? Summary) : ICommand<CompletedReview>;

public sealed record CompletedReview(Guid Id, DateOnly CompletedOn, Guid NextReviewId, DateOnly NextReviewDue);

public sealed class CompleteReviewValidator : AbstractValidator<CompleteReviewCommand>
{
    public CompleteReviewValidator(PartnershipClock clock)
    {
        RuleFor(c => c.CompletedOn).NotNull().WithMessage("Enter the date of the review")
            .Must(d => d is null || d <= clock.Today).WithMessage("The review date cannot be in the future");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise the review")
            .MaximumLength(4000).WithMessage("The summary must be 4000 characters or fewer");
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
        var review = await access.Readable(db.Reviews).SingleOrDefaultAsync(r => r.Id == command.ReviewId, cancellationToken);
        if (review is null)
        {
            audit.Record("review.complete", AuditOutcome.Refused, AccessRule.NoRule, new AuditSubject("Review", command.ReviewId.ToString()));
            await db.SaveChangesAsync(cancellationToken);
            throw NotFoundException.For("Review", command.ReviewId);
        }

        var target = await gate.OwnedAsync(review.CaseId, "review.complete", cancellationToken);
        target.EnsureOpen();
        var completedOn = command.CompletedOn!.Value;
        review.Complete(completedOn, command.Summary, currentUser.Actor.RequireUserId(), target.StartDate, clock.Today, clock.Now);
        var next = planner.ScheduleNext(target, completedOn, clock.Now);
        audit.Record("review.complete", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Review", review.Id.ToString(), review.PersonId.Value, review.OwnerAgency), $"Next review due {next.DueOn:yyyy-MM-dd}");
        return new CompletedReview(review.Id.Value, completedOn, next.Id.Value, next.DueOn);
    }
}
