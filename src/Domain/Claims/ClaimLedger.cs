using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;

namespace CaseManager.Domain.Claims;

/// <summary>
/// One outcome claimed for a family in a phase, written when its line is submitted. The table is unique on
/// (phase, household, slot), so an outcome is never claimed twice, and a family has at most one results claim per
/// phase and at most one progress-to-work claim in phase 1 (TF5), whoever submits and however many at once. A phase-1
/// continuous employment line writes a second row taking the progress-to-work slot too (TF3: instead of both).
/// </summary>
public sealed class ClaimedOutcome
{
    /// <summary>The ledger rows of a submitted line: one for each slot its outcome takes (TF3, TF5).</summary>
    public static IReadOnlyList<ClaimedOutcome> For(ClaimLine line, DateTimeOffset at) =>
        [.. ClaimOutcomes.SlotsTakenBy(line.Phase, line.Outcome).Select(slot => new ClaimedOutcome(line, slot, at))];

    private ClaimedOutcome()
    {
    }

    private ClaimedOutcome(ClaimLine line, ClaimSlot slot, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Phase = line.Phase;
        HouseholdId = line.HouseholdId;
        Slot = slot;
        Primary = slot == line.Slot;
        Outcome = line.Outcome;
        CaseId = line.CaseId;
        ClaimId = line.ClaimId;
        ClaimLineId = line.Id;
        FinancialYear = line.FinancialYear;
        Amount = Primary ? line.Amount : 0m;
        ClaimedAt = at;
    }

    /// <summary>
    /// Whether this row is the outcome itself (its own slot, with its amount). A row that only takes a further slot
    /// (<see cref="ClaimOutcomes.SlotsTakenBy"/>) has an amount of 0 and is left out of every count and sum.
    /// </summary>
    public bool Primary { get; private set; }

    public Guid Id { get; private set; }

    public int Phase { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    public ClaimSlot Slot { get; private set; }

    public ClaimOutcome Outcome { get; private set; }

    public CaseId CaseId { get; private set; }

    public ClaimId ClaimId { get; private set; }

    public ClaimLineId ClaimLineId { get; private set; }

    public int FinancialYear { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }
}

/// <summary>A family counted against the area's allocation for a phase (TF5), once, when its first line is submitted.</summary>
public sealed class ClaimedFamily
{
    private ClaimedFamily()
    {
    }

    public ClaimedFamily(int phase, HouseholdId householdId, ClaimId claimId, DateTimeOffset at)
    {
        Phase = phase;
        HouseholdId = householdId;
        ClaimId = claimId;
        ClaimedAt = at;
    }

    public int Phase { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    public ClaimId ClaimId { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }
}

/// <summary>
/// How many families of the area's allocation a phase has used. Submissions move it on with one conditional update
/// (<c>Families + n &lt;= allocation</c>), which the database applies one writer at a time: the allocation is never
/// passed however many claims are submitted at once.
/// </summary>
public sealed class ClaimAllocation
{
    private ClaimAllocation()
    {
    }

    public ClaimAllocation(int phase) => Phase = phase;

    public int Phase { get; private set; }

    public int Families { get; private set; }
}
