using CaseManager.Application.Common.Auditing;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// Explains and audits the shared records of one list: records of the same person, owner and category share one
/// explanation, so a case's interventions or a timeline cost one lookup per partner and category, not per row.
/// </summary>
public sealed class ExplanationCache(IRecordAccess access, IAuditTrail audit)
{
    private readonly Dictionary<(PersonId, AgencyCode, DataCategory), RecordAccessExplanation?> _known = [];

    /// <summary>Why the reader may see the record (null: their own agency's), recording the disclosure in the audit.</summary>
    public async Task<RecordAccessExplanation?> ExplainAndAuditAsync(string action, AuditSubject subject, PersonId personId, AgencyCode owner, DataCategory category, CancellationToken cancellationToken)
    {
        var key = (personId, owner, category);
        if (!_known.TryGetValue(key, out var explanation))
        {
            explanation = await access.ExplainAsync(personId, owner, category, cancellationToken);
            _known[key] = explanation;
        }

        if (explanation is not null)
        {
            audit.Record(action, AuditOutcome.Allowed, AccessAudit.RuleOf(explanation), subject, AccessAudit.DetailOf(explanation));
        }

        return explanation;
    }
}
