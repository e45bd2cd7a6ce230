using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.GetClaimPreparer;

/// <summary>
/// The preparation job's first step, as the system actor: who prepared the claim, so that the job reads the records
/// with that user's access and no more (docs/adr/0022). Null when there is no such claim or it is no longer preparing.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record GetClaimPreparerQuery(ClaimId ClaimId) : IQuery<Guid?>;

public sealed class GetClaimPreparerHandler(IAppDbContext db) : IQueryHandler<GetClaimPreparerQuery, Guid?>
{
    public async ValueTask<Guid?> Handle(GetClaimPreparerQuery query, CancellationToken cancellationToken) =>
        await db.Claims.AsNoTracking()
            .Where(c => c.Id == query.ClaimId && c.Status == ClaimStatus.Preparing)
            .Select(c => (Guid?)c.PreparedBy)
            .SingleOrDefaultAsync(cancellationToken);
}
