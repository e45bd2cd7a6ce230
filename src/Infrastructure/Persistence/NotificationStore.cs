using CaseManager.Application.Reviews;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Insert-if-absent for notifications and digests: multi-row <c>INSERT … ON CONFLICT DO NOTHING</c> statements
/// (<see cref="BulkInsert"/>), which SQLite (3.24+) and PostgreSQL both understand. The unique indexes decide what is absent:
/// on PostgreSQL a racing insert of the same key waits for the other transaction, then does nothing.
/// </summary>
public sealed class NotificationStore(CaseDbContext db) : INotificationStore
{
    public Task<int> AddIfAbsentAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, notifications, ifAbsent: true, cancellationToken);

    public Task<int> AddIfAbsentAsync(IReadOnlyCollection<NotificationDigest> digests, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, digests, ifAbsent: true, cancellationToken);

    public async Task<bool> ClaimDigestAsync(Guid digestId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.NotificationDigests
            .Where(d => d.Id == digestId && d.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, at), cancellationToken) == 1;
}

/// <summary>Insert-if-absent for reviews (<see cref="BulkInsert"/>): the unique index on a review's consent keeps one review per consent.</summary>
public sealed class ReviewStore(CaseDbContext db) : IReviewStore
{
    public Task<int> AddIfAbsentAsync(IReadOnlyCollection<Review> reviews, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, reviews, ifAbsent: true, cancellationToken);
}

/// <summary>Insert-if-absent for claims (<see cref="BulkInsert"/>, docs/adr/0022): the unique indexes decide what is absent.</summary>
public sealed class ClaimStore(CaseDbContext db) : Application.Claims.IClaimStore
{
    public Task<int> AddLinesIfAbsentAsync(IReadOnlyCollection<Domain.Claims.ClaimLine> lines, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, lines, ifAbsent: true, cancellationToken);

    public Task<int> AddOutcomesIfAbsentAsync(IReadOnlyCollection<Domain.Claims.ClaimedOutcome> outcomes, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, outcomes, ifAbsent: true, cancellationToken);

    public Task<int> AddFamiliesIfAbsentAsync(IReadOnlyCollection<Domain.Claims.ClaimedFamily> families, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, families, ifAbsent: true, cancellationToken);

    public Task AddAllocationIfAbsentAsync(Domain.Claims.ClaimAllocation allocation, CancellationToken cancellationToken) =>
        BulkInsert.InsertAsync(db, [allocation], ifAbsent: true, cancellationToken);
}
