using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;

namespace CaseManager.Domain.Reviews;

/// <summary>
/// One review, due on a day: of a case (DOMAIN.md IOM5, DT3; the exit decision of IOM6), or of a given consent
/// on its review date (IS7). It belongs to the agency that owns the case or recorded the consent and carries that
/// record's data category, so the record access rule applies to it as to the record. Exactly one of
/// <see cref="CaseId"/> and <see cref="ConsentId"/> is set. A family case's review (DOMAIN.md FAM3) is about the
/// household, not one person: <see cref="PersonId"/> is null and <see cref="HouseholdId"/> set, and it is read as the
/// family case is (IS7b), through the rights of the household's members.
/// </summary>
public sealed class Review : AggregateRoot, IHouseholdRecord
{
    private Review()
    {
    }

    public ReviewId Id { get; private set; }

    /// <summary>The case reviewed; null for a consent review.</summary>
    public CaseId? CaseId { get; private set; }

    /// <summary>The consent reviewed; null for a case review.</summary>
    public ConsentId? ConsentId { get; private set; }

    /// <summary>Whose case or consent it is; null for a family case's review.</summary>
    public PersonId? PersonId { get; private set; }

    /// <summary>The household of a family case's review; null otherwise.</summary>
    public HouseholdId? HouseholdId { get; private set; }

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
        if (kind == ReviewKind.Consent)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "A consent review is scheduled from the consent");
        }

        return new Review
        {
            Id = ReviewId.New(),
            CaseId = target.Id,
            PersonId = target.PersonId,
            HouseholdId = target.HouseholdId,
            Scheme = target.Scheme,
            OwnerAgency = target.OwnerAgency,
            DataCategory = target.DataCategory,
            Kind = kind,
            Status = ReviewStatus.Open,
            DueOn = dueOn,
            CreatedAt = at,
        };
    }

    /// <summary>
    /// The review of a given consent, due on its review date, owned by the agency that recorded it. A refused
    /// consent allows no sharing and a withdrawn one no longer does, so neither has anything to review.
    /// </summary>
    public static Review ScheduleFor(Consent consent, DateTimeOffset at)
    {
        if (consent.Status != ConsentStatus.Given)
        {
            throw new DomainRuleException("review.consent-not-given", "Only consent that was given is reviewed");
        }

        return new Review
        {
            Id = ReviewId.New(),
            ConsentId = consent.Id,
            PersonId = consent.PersonId,
            Scheme = consent.Purpose,
            OwnerAgency = consent.OwnerAgency,
            DataCategory = consent.DataCategory,
            Kind = ReviewKind.Consent,
            Status = ReviewStatus.Open,
            DueOn = consent.ReviewOn,
            CreatedAt = at,
        };
    }

    /// <summary>A worker records that the review of a case took place, on a day, with what was decided.</summary>
    public void Complete(DateOnly completedOn, string? summary, Guid completedBy, DateOnly caseStart, DateOnly today, DateTimeOffset at)
    {
        EnsureOpen();
        if (Kind == ReviewKind.ExitDecision)
        {
            throw new DomainRuleException("review.decided-by-exit", "An exit nomination is reviewed by approving or rejecting it");
        }

        if (Kind == ReviewKind.Consent)
        {
            throw new DomainRuleException("review.not-of-case", "A consent review is completed against its consent");
        }

        if (completedOn < caseStart)
        {
            throw new DomainRuleException("review.completed-before-start", "The review date cannot be before the case started");
        }

        Close(completedOn, summary, completedBy, today, at);
    }

    /// <summary>
    /// A worker records that a consent was reviewed (spoke to the person; consent stands and a new one was recorded,
    /// or they could not be reached and it lapses), or a renewal closed it. The date cannot be before the consent
    /// was recorded. Nothing is scheduled after it: a renewed consent is a new consent with its own review.
    /// </summary>
    public void Complete(Consent reviewed, DateOnly completedOn, string? summary, Guid completedBy, DateOnly today, DateTimeOffset at)
    {
        EnsureOpen();
        if (Kind != ReviewKind.Consent || ConsentId != reviewed.Id)
        {
            throw new DomainRuleException("review.not-of-consent", "This review is not the review of that consent");
        }

        if (completedOn < reviewed.RecordedOn)
        {
            throw new DomainRuleException("review.completed-before-consent", "The review date cannot be before the consent was recorded");
        }

        Close(completedOn, summary, completedBy, today, at);
    }

    /// <summary>
    /// The same agency recorded a new given consent for the same person and purpose: the earlier consent has been
    /// reviewed, and renewed. The review is completed (not cancelled) on the day the renewal was recorded, by the
    /// worker who recorded it, because the question it asked has been answered.
    /// </summary>
    public void CompleteByRenewal(Consent reviewed, Consent renewal, DateOnly today, DateTimeOffset at)
    {
        if (!renewal.Renews(reviewed))
        {
            throw new DomainRuleException("review.not-a-renewal", "That consent does not renew the one under review");
        }

        var summary = FormattableString.Invariant($"Renewed: consent {renewal.Id} was recorded on {renewal.RecordedOn:yyyy-MM-dd}");
        Complete(reviewed, renewal.RecordedOn, summary, renewal.RecordedBy, today, at);
    }

    /// <summary>The review will not take place: the case was exited, the nomination decided, or the consent withdrawn.</summary>
    public void Cancel(DateTimeOffset at)
    {
        EnsureOpen();
        Status = ReviewStatus.Cancelled;
        ClosedAt = at;
        IncrementVersion();
    }

    private void Close(DateOnly completedOn, string? summary, Guid completedBy, DateOnly today, DateTimeOffset at)
    {
        if (completedOn > today)
        {
            throw new DomainRuleException("review.completed-in-future", "The review date cannot be in the future");
        }

        Summary = Guard.Required(summary, "review.summary", "Summarise the review", maxLength: 4000);
        CompletedOn = completedOn;
        CompletedBy = completedBy;
        Status = ReviewStatus.Completed;
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
