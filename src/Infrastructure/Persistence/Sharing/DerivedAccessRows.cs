using CaseManager.Application.Common.Access;

namespace CaseManager.Infrastructure.Persistence.Sharing;

internal sealed class DerivedAccessRows(CaseDbContext db) : IDerivedAccessRows
{
    public Task<DerivedAccessCheck> CheckAndRepairAsync(int skip, int count, CancellationToken cancellationToken) =>
        db.CheckAndRepairSharingRightsAsync(skip, count, cancellationToken);
}
