using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Auditing;

namespace CaseManager.Application.Common.Access;

public static class AccessAudit
{
    /// <summary>The audit rule for a read explained by <see cref="IRecordAccess.ExplainAsync"/> (null explanation: own agency).</summary>
    public static AccessRule RuleOf(RecordAccessExplanation? explanation) => explanation?.Rule switch
    {
        null => AccessRule.Owner,
        AccessRules.SharingAgreement => AccessRule.SharingAgreement,
        AccessRules.Consent => AccessRule.Consent,
        AccessRules.BreakGlass => AccessRule.BreakGlass,
        AccessRules.OpenCase => AccessRule.OpenCase,
        _ => AccessRule.NoRule,
    };

    /// <summary>What the audit detail says of the rule: which agreement, consent or grant allowed the read.</summary>
    public static string? DetailOf(RecordAccessExplanation? explanation) => explanation switch
    {
        null => null,
        { Rule: AccessRules.BreakGlass } => $"Break-glass grant {explanation.GrantId} until {explanation.GrantExpiresAt:O}",
        { ConsentId: { } consent } => $"Agreement {explanation.AgreementId} with consent {consent}",
        _ => $"Agreement {explanation.AgreementId}",
    };

    /// <summary>
    /// Audits a refused read and gives the "not found" to throw (IS9). The subject names the person the record is about
    /// (the person's access log and subject access export list it); the reader only learns "not found".
    /// Outside a command the entry is saved here; inside one the unit of work records it again after the rollback.
    /// </summary>
    public static async Task<NotFoundException> RefuseAsync(
        IAppDbContext db, IAuditTrail audit, string action, AuditSubject subject, string what, object id, CancellationToken cancellationToken)
    {
        audit.Record(action, AuditOutcome.Refused, AccessRule.NoRule, subject);
        if (db.Database.CurrentTransaction is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return NotFoundException.Refused(what, id, new AuditedRefusal(action, subject));
    }
}
