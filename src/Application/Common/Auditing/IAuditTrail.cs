using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;

namespace CaseManager.Application.Common.Auditing;

/// <summary>Adds entries to the audit trail as part of the current unit of work.</summary>
public interface IAuditTrail
{
    void Record(string action, AuditOutcome outcome, AccessRule rule, AuditSubject? subject = null, string? detail = null);
}

/// <summary>What an audit entry is about.</summary>
public sealed record AuditSubject(string EntityType, string EntityId, Guid? PersonId = null, AgencyCode? OwnerAgency = null);

public sealed class AuditTrail(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, AuditOutcome outcome, AccessRule rule, AuditSubject? subject = null, string? detail = null)
    {
        var actor = currentUser.Actor;
        var facts = new AuditFacts(
            actor.UserId,
            actor.Email,
            actor.Agency,
            action,
            outcome,
            rule,
            subject?.EntityType,
            subject?.EntityId,
            subject?.PersonId,
            subject?.OwnerAgency,
            detail);
        db.AuditEntries.Add(AuditEntry.Record(facts, clock.GetUtcNow()));
    }
}
