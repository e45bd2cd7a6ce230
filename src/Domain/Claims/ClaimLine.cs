using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;

namespace CaseManager.Domain.Claims;

/// <summary>What the preparation found for one line: the family, the outcome and the evidence as it read it.</summary>
public sealed record ClaimLineFacts(
    CaseId CaseId,
    HouseholdId HouseholdId,
    ClaimOutcome Outcome,
    DateOnly AttachedOn,
    string Evidence,
    bool EvidencePartlyHidden);

/// <summary>
/// One family's outcome in a claim, with its amount under the phase's money table and the evidence frozen as JSON when
/// it was proposed: later corrections to the records do not change what was validated and submitted (TF5). Lines
/// are kept apart from the claim so that a claim over many families is written batch by batch; each is changed only
/// through its <see cref="Claim"/>.
/// </summary>
public sealed class ClaimLine
{
    private ClaimLine()
    {
    }

    internal ClaimLine(Claim claim, ClaimLineFacts facts, decimal amount, DateTimeOffset at)
    {
        Id = ClaimLineId.New();
        ClaimId = claim.Id;
        Phase = claim.Phase;
        CaseId = facts.CaseId;
        HouseholdId = facts.HouseholdId;
        Outcome = facts.Outcome;
        Slot = ClaimOutcomes.SlotOf(facts.Outcome);
        AttachedOn = facts.AttachedOn;
        FinancialYear = Claims.FinancialYear.Of(facts.AttachedOn);
        Amount = amount;
        Status = ClaimLineStatus.Proposed;
        PreparedBy = claim.PreparedBy;
        ProposedAt = at;
        Evidence = facts.Evidence;
        EvidencePartlyHidden = facts.EvidencePartlyHidden;
    }

    public ClaimLineId Id { get; private set; }

    public ClaimId ClaimId { get; private set; }

    public int Phase { get; private set; }

    public CaseId CaseId { get; private set; }

    public HouseholdId HouseholdId { get; private set; }

    public ClaimOutcome Outcome { get; private set; }

    public ClaimSlot Slot { get; private set; }

    /// <summary>When the family was attached (its Troubled Families case started): its financial year sets the money.</summary>
    public DateOnly AttachedOn { get; private set; }

    public int FinancialYear { get; private set; }

    public decimal Amount { get; private set; }

    public ClaimLineStatus Status { get; private set; }

    public Guid PreparedBy { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The evidence as the preparer's agency could read it when the line was proposed (JSON).</summary>
    public string Evidence { get; private set; } = "{}";

    /// <summary>Some of the family's records were not visible to the preparer's agency when the evidence was read.</summary>
    public bool EvidencePartlyHidden { get; private set; }

    internal ClaimLineDecision Decide(ClaimLineStatus status, Guid by, string? note, DateTimeOffset at)
    {
        if (Status != ClaimLineStatus.Proposed && Status == status)
        {
            throw new DomainRuleException("claims.line-already-decided", $"This line is already {status.ToString().ToLowerInvariant()}");
        }

        Status = status;
        DecidedBy = by;
        DecidedAt = at;
        Note = note;
        return new ClaimLineDecision(this, status, by, note, at);
    }
}

/// <summary>
/// One decision on a line, kept for good: a line validated by one person and later rejected by another keeps both in
/// the claim's history (TF5: who validated what, and when), while the line itself holds only the latest.
/// </summary>
public sealed class ClaimLineDecision
{
    private ClaimLineDecision()
    {
    }

    internal ClaimLineDecision(ClaimLine line, ClaimLineStatus status, Guid by, string? note, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = line.ClaimId;
        ClaimLineId = line.Id;
        Outcome = line.Outcome;
        Status = status;
        By = by;
        Note = note;
        At = at;
    }

    public Guid Id { get; private set; }

    public ClaimId ClaimId { get; private set; }

    public ClaimLineId ClaimLineId { get; private set; }

    public ClaimOutcome Outcome { get; private set; }

    public ClaimLineStatus Status { get; private set; }

    public Guid By { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset At { get; private set; }
}
