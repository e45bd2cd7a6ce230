using CaseManager.Application.Common.Auditing;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// Explains and audits the shared records of one page in a single batch (<see cref="IRecordAccess.ExplainManyAsync"/>):
/// the number of queries does not grow with the page size, and each cross-agency disclosure is audited with its rule.
/// </summary>
public static class SharedRecords
{
    /// <summary>Why the reader may see each record of the page, by key (absent: their own agency's), audited as it goes.</summary>
    public static async Task<IReadOnlyDictionary<TKey, RecordAccessExplanation>> ExplainAndAuditAsync<T, TKey>(
        this IRecordAccess access,
        IAuditTrail audit,
        IQueryable<T> page,
        System.Linq.Expressions.Expression<Func<T, TKey>> key,
        string action,
        Func<TKey, AuditSubject> subjectOf,
        CancellationToken cancellationToken)
        where T : class, IAgencyOwned
        where TKey : notnull
    {
        var explanations = await access.ExplainManyAsync(page, key, cancellationToken);
        foreach (var (id, explanation) in explanations)
        {
            audit.Record(action, AuditOutcome.Allowed, AccessAudit.RuleOf(explanation), subjectOf(id), AccessAudit.DetailOf(explanation));
        }

        return explanations;
    }
}
