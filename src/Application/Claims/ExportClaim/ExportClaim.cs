using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.ExportClaim;

/// <summary>A claim's lines for download (CSV on the web side), read one at a time as the response is written.</summary>
[RequiresPolicy(Policies.Claims)]
public sealed record ExportClaimQuery(ClaimId ClaimId) : IQuery<ClaimExport>;

public sealed record ClaimExport(Guid ClaimId, int Phase, string Kind, string Window, string Status, IAsyncEnumerable<ClaimLineItem> Lines);

public sealed class ExportClaimHandler(ClaimReads reads, IAppDbContext db, IAuditTrail audit) : IQueryHandler<ExportClaimQuery, ClaimExport>
{
    public async ValueTask<ClaimExport> Handle(ExportClaimQuery query, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(query.ClaimId, cancellationToken);
        audit.Record("claim.export", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        var lines = db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == claim.Id).OrderBy(l => l.Id).AsAsyncEnumerable();
        return new ClaimExport(claim.Id.Value, claim.Phase, claim.Kind.ToString(), claim.Window, claim.Status.ToString(), Items(lines));
    }

    private static async IAsyncEnumerable<ClaimLineItem> Items(IAsyncEnumerable<ClaimLine> lines)
    {
        await foreach (var line in lines)
        {
            yield return ClaimReads.Item(line);
        }
    }
}
