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
}
