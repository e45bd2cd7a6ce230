using CaseManager.Domain.Cases;
using CaseManager.Domain.TroubledFamilies;

namespace CaseManager.Application.TroubledFamilies;

/// <summary>
/// Which results of which family cases have been claimed already in a phase (DOMAIN.md TF5: never the same outcome
/// twice), so the results list can say <c>alreadyClaimed</c>. The claims workflow owns the answer.
/// </summary>
public interface IClaimedOutcomes
{
    Task<IReadOnlySet<(CaseId CaseId, ResultKind Kind)>> ClaimedAsync(IReadOnlyCollection<CaseId> caseIds, int phase, CancellationToken ct);
}

/// <summary>The outcomes already claimed, from the ledger of submitted claim lines (docs/adr/0022).</summary>
public sealed class SubmittedClaimedOutcomes(Common.Persistence.IAppDbContext db) : IClaimedOutcomes
{
    public async Task<IReadOnlySet<(CaseId CaseId, ResultKind Kind)>> ClaimedAsync(IReadOnlyCollection<CaseId> caseIds, int phase, CancellationToken ct)
    {
        var ids = caseIds.ToList();
        var claimed = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ClaimedOutcomes.Where(o => o.Phase == phase && ids.Contains(o.CaseId)).Select(o => new { o.CaseId, o.Outcome }), ct);
        // Attachment fees have no result kind; every other claimed outcome is named as its result.
        var results = new HashSet<(CaseId CaseId, ResultKind Kind)>();
        foreach (var outcome in claimed)
        {
            if (Enum.TryParse<ResultKind>(outcome.Outcome.ToString(), out var kind))
            {
                results.Add((outcome.CaseId, kind));
            }
        }

        return results;
    }
}
