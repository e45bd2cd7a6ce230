using CaseManager.Application.Common.Access;

namespace CaseManager.Infrastructure.Persistence.Sharing;

internal sealed class DerivedAccessRows(CaseDbContext db) : IDerivedAccessRows
{
    public Task<DerivedAccessCheck> CheckAndRepairAsync(int skip, int count, CancellationToken cancellationToken) =>
        db.CheckAndRepairSharingRightsAsync(skip, count, cancellationToken);

    public async Task<SharingRightDerivationBatch> DeriveNextBatchAsync(int count, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.DeriveNextSharingRightsBatchAsync(count, now, cancellationToken) ?? SharingRightDerivationBatch.Nothing;
}
