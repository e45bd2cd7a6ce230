using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Reviews;

/// <summary>
/// One review of a case, due on a day (DOMAIN.md IOM5, DT3; the exit decision of IOM6). It belongs to the case's
/// agency and carries the case's data category, so the record access rule applies to it as to the case.
/// </summary>
public sealed class Review : AggregateRoot, IPersonRecord
{
    private Review()
    {
    }

    public ReviewId Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public PersonId PersonId { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public ReviewKind Kind { get; private set; }

    public ReviewStatus Status { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? Summary { get; private set; }

    public Guid? CompletedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => Status == ReviewStatus.Open;

    /// <summary>Schedules a review of an open case.</summary>
    public static Review Schedule(Case target, ReviewKind kind, DateOnly dueOn, DateTimeOffset at)
    {
        target.EnsureOpen();
        return new Review
        {
            Id = ReviewId.New(),
            CaseId = target.Id,
            PersonId = target.PersonId,
            Scheme = target.Scheme,
            OwnerAgency = target.OwnerAgency,
            DataCategory = target.DataCategory,
            Kind = kind,
            Status = ReviewStatus.Open,
            DueOn = dueOn,
            CreatedAt = at,
        };
    }

    /// <summary>A worker records that the review took place, on a day, with what was decided.</summary>
    public void Complete(DateOnly completedOn, string? summary, Guid completedBy, DateOnly caseStart, DateOnly today, DateTimeOffset at)
    {
        EnsureOpen();
        if (Kind == ReviewKind.ExitDecision)
        {
            throw new DomainRuleException("review.decided-by-exit", "An exit nomination is reviewed by approving or rejecting it");
        }

        if (completedOn > today)
        {
            throw new DomainRuleException("review.completed-in-future", "The review date cannot be in the future");
        }

        if (completedOn < caseStart)
        {
            throw new DomainRuleException("review.completed-before-start", "The review date cannot be before the case started");
        }

        Summary = Guard.Required(summary, "review.summary", "Summarise the review", maxLength: 4000);
        CompletedOn = completedOn;
        CompletedBy = completedBy;
        Status = ReviewStatus.Completed;
        ClosedAt = at;
        IncrementVersion();
    }

    /// <summary>The review will not take place: the case was exited, or the nomination was decided.</summary>
    public void Cancel(DateTimeOffset at)
    {
        EnsureOpen();
        Status = ReviewStatus.Cancelled;
        ClosedAt = at;
        IncrementVersion();
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("review.closed", "This review has already been completed or cancelled");
        }
    }
}
