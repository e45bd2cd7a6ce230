using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using Mediator;

namespace CaseManager.Application.Claims.GetClaimLine;

/// <summary>One line with its evidence, as frozen when it was proposed; a line whose evidence is partly hidden says so.</summary>
[RequiresPolicy(Policies.Claims)]
public sealed record GetClaimLineQuery(ClaimId ClaimId, ClaimLineId LineId) : IQuery<ClaimLineDetails>;

public sealed class GetClaimLineHandler(ClaimReads reads, IAppDbContext db, IAuditTrail audit) : IQueryHandler<GetClaimLineQuery, ClaimLineDetails>
{
    public async ValueTask<ClaimLineDetails> Handle(GetClaimLineQuery query, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(query.ClaimId, cancellationToken);
        var line = await reads.GetLineAsync(claim, query.LineId, cancellationToken);
        audit.Record("claim.line-read", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("ClaimLine", line.Id.ToString()), $"Claim {claim.Id}, case {line.CaseId}");
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimLineDetails(ClaimReads.Item(line), claim.Status.ToString(), ClaimEvidence.FromJson(line.Evidence),
            line.EvidencePartlyHidden ? ClaimEvidence.PartlyHiddenNote : null);
    }
}
