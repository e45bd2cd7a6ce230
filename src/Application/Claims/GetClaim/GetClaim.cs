using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using Mediator;

namespace CaseManager.Application.Claims.GetClaim;

/// <summary>A claim: its status, preparation progress (done of total), lines, amount and history.</summary>
[RequiresPolicy(Policies.Claims)]
public sealed record GetClaimQuery(ClaimId ClaimId) : IQuery<ClaimView>;

public sealed class GetClaimHandler(ClaimReads reads, IAppDbContext db, IAuditTrail audit) : IQueryHandler<GetClaimQuery, ClaimView>
{
    public async ValueTask<ClaimView> Handle(GetClaimQuery query, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(query.ClaimId, cancellationToken);
        var view = await reads.ViewAsync(claim, cancellationToken);
        audit.Record("claim.read", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }
}
