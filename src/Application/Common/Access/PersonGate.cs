using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// Work on a person's records (consents, break-glass reviews, cases) starts by checking that the actor may see the
/// person at all. A refusal is audited and answered "not found", so nobody learns the person exists.
/// </summary>
public sealed class PersonGate(IAppDbContext db, IRecordAccess access, IAuditTrail audit)
{
    public async Task EnsureReadableAsync(PersonId personId, string action, CancellationToken cancellationToken)
    {
        if (await access.Readable(db.People).AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return;
        }

        throw await AccessAudit.RefuseAsync(db, audit, action, new AuditSubject("Person", personId.ToString(), personId.Value), "Person", personId, cancellationToken);
    }
}
