using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Cases;

/// <summary>
/// Work on a case starts here. A case the actor may not read is "not found" (and the refusal audited), so nobody
/// learns it exists; a case they may read but their agency does not own can be seen but not changed (403).
/// </summary>
public sealed class CaseGate(IAppDbContext db, IRecordAccess access, IAuditTrail audit, ICurrentUser currentUser)
{
    /// <summary>A case the actor may read, tracked so that the command can change it.</summary>
    public async Task<Case> ReadableAsync(CaseId caseId, string action, CancellationToken cancellationToken)
    {
        var found = await access.Readable(db.Cases).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        audit.Record(action, AuditOutcome.Refused, AccessRule.NoRule, new AuditSubject("Case", caseId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        throw NotFoundException.For("Case", caseId);
    }

    /// <summary>A case of the actor's own agency: only the owning agency changes a case and decides its exit.</summary>
    public async Task<Case> OwnedAsync(CaseId caseId, string action, CancellationToken cancellationToken)
    {
        var found = await ReadableAsync(caseId, action, cancellationToken);
        return found.OwnerAgency == currentUser.Actor.RequireAgency()
            ? found
            : throw new ForbiddenAccessException($"Only {found.OwnerAgency}, which owns this case, can change it.");
    }

    /// <summary>Refuses a stale edit: the caller must send the version they read (optimistic concurrency).</summary>
    public static void EnsureVersion(Case current, int? version)
    {
        if (version is { } read && read != current.Version)
        {
            throw new Domain.Common.DomainRuleException("concurrency.stale", "Someone else changed this case after you opened it. Reload it and try again.");
        }
    }
}
