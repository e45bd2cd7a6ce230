using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
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

        throw await RefuseAsync(db, audit, caseId, action, cancellationToken);
    }

    /// <summary>
    /// Audits a refused case with the person it is about (so the person's access log shows it) and gives the 404.
    /// The person is looked up past the access rule for the audit only; the reader learns nothing of it.
    /// </summary>
    public static async Task<NotFoundException> RefuseAsync(IAppDbContext db, IAuditTrail audit, CaseId caseId, string action, CancellationToken cancellationToken)
    {
        var personId = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => (PersonId?)c.PersonId).SingleOrDefaultAsync(cancellationToken);
        return await AccessAudit.RefuseAsync(db, audit, action, new AuditSubject("Case", caseId.ToString(), personId?.Value), "Case", caseId, cancellationToken);
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
