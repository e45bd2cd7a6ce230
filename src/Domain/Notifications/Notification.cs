using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;

namespace CaseManager.Domain.Notifications;

public enum NotificationKind
{
    /// <summary>A review allocated to the user is due within the reminder window.</summary>
    ReviewDue,

    /// <summary>A review allocated to the user is past its due date.</summary>
    ReviewOverdue,

    /// <summary>A review of the manager's agency is overdue (sent again every escalation period).</summary>
    Escalation,
}

/// <summary>
/// An in-app notice to one user. <see cref="PeriodKey"/> names the period it belongs to (a day, or an escalation
/// period), and (user, kind, review, period) is unique in the database: that key is what makes the reminder job
/// exactly-once. It holds ids, dates and codes only, never a person's name.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public ReviewId ReviewId { get; private set; }

    /// <summary>The case reviewed; null for a consent review.</summary>
    public CaseId? CaseId { get; private set; }

    /// <summary>The consent reviewed; null for a case review.</summary>
    public ConsentId? ConsentId { get; private set; }

    public ReviewKind ReviewKind { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string PeriodKey { get; private set; } = string.Empty;

    /// <summary>The partnership's calendar day on which it was raised: it goes into that day's digest.</summary>
    public DateOnly Day { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Raise(Guid userId, NotificationKind kind, Review review, string periodKey, DateOnly day, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Kind = kind,
        ReviewId = review.Id,
        CaseId = review.CaseId,
        ConsentId = review.ConsentId,
        ReviewKind = review.Kind,
        Scheme = review.Scheme,
        OwnerAgency = review.OwnerAgency,
        DueOn = review.DueOn,
        PeriodKey = periodKey,
        Day = day,
        CreatedAt = at,
    };

    /// <summary>Marks it read; reading it again changes nothing.</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

/// <summary>
/// The one email a user gets on a day, listing that day's notifications. (user, day) is unique in the database;
/// <see cref="SentAt"/> is set in the same transaction that claims it for sending.
/// </summary>
public sealed class NotificationDigest
{
    private NotificationDigest()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public static NotificationDigest For(Guid userId, DateOnly day, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Day = day,
        CreatedAt = at,
    };
}
