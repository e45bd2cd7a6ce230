using CaseManager.Domain.Notifications;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Writes that must hold under concurrent runs: each insert is "if absent" against the table's unique key
/// (INSERT … ON CONFLICT DO NOTHING), so two runs racing for the same notice both succeed and only one row exists.
/// Runs in the caller's transaction.
/// </summary>
public interface INotificationStore
{
    /// <summary>Inserts the notifications whose (user, kind, review, period) is not stored yet; returns how many.</summary>
    Task<int> AddIfAbsentAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>Inserts the digests whose (user, day) is not stored yet; returns how many.</summary>
    Task<int> AddIfAbsentAsync(IReadOnlyCollection<NotificationDigest> digests, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an unsent digest as sent, atomically: true for exactly one caller, false when it was sent already.
    /// On PostgreSQL the row stays locked until the caller's transaction ends, so a racing claim waits, then sees it sent.
    /// </summary>
    Task<bool> ClaimDigestAsync(Guid digestId, DateTimeOffset at, CancellationToken cancellationToken);
}
