using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.TroubledFamilies;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.TroubledFamilies;

/// <summary>
/// Which results of which family cases have been claimed already in a phase (DOMAIN.md TF5: never the same outcome
/// twice), so the results list can say <c>alreadyClaimed</c>. The claims workflow owns the answer.
/// </summary>
public interface IClaimedOutcomes
{
    Task<IReadOnlySet<(CaseId CaseId, ResultKind Kind)>> ClaimedAsync(IReadOnlyCollection<CaseId> caseIds, int phase, CancellationToken ct);
}

/// <summary>
/// The results that can no longer be claimed, from the ledger of submitted claim lines (docs/adr/0022): a result is
/// already claimed for a case when its family (household) has, in the phase, a submitted outcome taking one of the
/// slots the result would take (TF3, TF5). So once the family's results slot is taken by crime/ASB and education,
/// its continuous employment is already claimed too, even under another of the family's cases; and in phase 1 a
/// family claimed for progress to work can no longer be claimed for continuous employment (it pays instead of both).
/// </summary>
public sealed class SubmittedClaimedOutcomes(Common.Persistence.IAppDbContext db) : IClaimedOutcomes
{
    public async Task<IReadOnlySet<(CaseId CaseId, ResultKind Kind)>> ClaimedAsync(IReadOnlyCollection<CaseId> caseIds, int phase, CancellationToken ct)
    {
        var ids = caseIds.ToList();
        var families = await db.Cases.Where(c => ids.Contains(c.Id) && c.HouseholdId != null)
            .Select(c => new { c.Id, c.HouseholdId })
            .ToListAsync(ct);
        var households = families.Select(f => f.HouseholdId!.Value).Distinct().ToList();
        var taken = (await db.ClaimedOutcomes.Where(o => o.Phase == phase && households.Contains(o.HouseholdId))
                .Select(o => new { o.HouseholdId, o.Slot })
                .ToListAsync(ct))
            .Select(o => (o.HouseholdId, o.Slot))
            .ToHashSet();

        var results = new HashSet<(CaseId CaseId, ResultKind Kind)>();
        foreach (var family in families)
        {
            foreach (var outcome in ClaimOutcomes.ResultsOf(phase))
            {
                // Result kinds and claim outcomes share their names (ClaimOutcome's summary).
                if (Enum.TryParse<ResultKind>(outcome.ToString(), out var kind)
                    && ClaimOutcomes.SlotsTakenBy(phase, outcome).Any(slot => taken.Contains((family.HouseholdId!.Value, slot))))
                {
                    results.Add((family.Id, kind));
                }
            }
        }

        return results;
    }
}
