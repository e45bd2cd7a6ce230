using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.Claims;

/// <summary>
/// A payment-by-results claim for one phase, kind and window (DOMAIN.md TF3–TF5). A background job prepares it in
/// batches of cases (<see cref="RecordBatch"/>), moving <see cref="Done"/> towards <see cref="Total"/> and keeping
/// the last case it read so that a retried job carries on where the last one stopped. A second person validates or
/// rejects each line; only validated lines are submitted, and a submitted claim is frozen. Every decision moves the
/// claim's version on, so a decision and a submission racing each other cannot both be saved.
/// </summary>
public sealed class Claim : AggregateRoot
{
    private Claim()
    {
    }

    public ClaimId Id { get; private set; }

    public int Phase { get; private set; }

    public ClaimKind Kind { get; private set; }

    /// <summary>The claim window, <c>yyyy-MM</c>.</summary>
    public string Window { get; private set; } = string.Empty;

    /// <summary>The window's last day: results are measured as at it, and families attached by it may be claimed.</summary>
    public DateOnly AsOf { get; private set; }

    public ClaimStatus Status { get; private set; }

    public Guid PreparedBy { get; private set; }

    /// <summary>The preparer's agency, whose view of the records (the access rule) the preparation reads through.</summary>
    public AgencyCode PreparedByAgency { get; private set; }

    public DateTimeOffset PreparedAt { get; private set; }

    /// <summary>Cases to read, counted when the preparation starts.</summary>
    public int Total { get; private set; }

    /// <summary>Cases read so far.</summary>
    public int Done { get; private set; }

    /// <summary>The last case read (keyset): a retried preparation starts after it.</summary>
    public Guid? LastCaseRead { get; private set; }

    /// <summary>
    /// When the preparation last moved on (started, saved a batch, or was queued again). A claim still Preparing long
    /// after this has lost its job, and the sweep queues it again (docs/adr/0025).
    /// </summary>
    public DateTimeOffset PreparationActiveAt { get; private set; }

    /// <summary>How many times the sweep has queued the preparation again; it stops at its limit.</summary>
    public int Requeues { get; private set; }

    public DateTimeOffset? ReadyAt { get; private set; }

    public Guid? CancelledBy { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public static Claim Prepare(int phase, ClaimKind kind, ClaimWindow window, Guid preparedBy, AgencyCode agency, DateTimeOffset at, DateOnly today)
    {
        ClaimOutcomes.EnsurePhase(phase);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("claims.kind", "A claim is for attachment fees or for results");
        }

        if (window.FirstDay > today)
        {
            throw new DomainRuleException("claims.window-in-future", "A claim window cannot start in the future");
        }

        return new Claim
        {
            Id = ClaimId.New(),
            Phase = phase,
            Kind = kind,
            Window = window.ToString(),
            AsOf = window.LastDay < today ? window.LastDay : today,
            Status = ClaimStatus.Preparing,
            PreparedBy = preparedBy,
            PreparedByAgency = agency,
            PreparedAt = at,
            PreparationActiveAt = at,
        };
    }

    /// <summary>The preparation counted the cases it will read.</summary>
    public void Start(int total)
    {
        EnsurePreparing();
        Total = total;
        IncrementVersion();
    }

    /// <summary>One batch of cases was read, up to and including <paramref name="lastCase"/>.</summary>
    public void RecordBatch(int read, Guid lastCase, DateTimeOffset at)
    {
        EnsurePreparing();
        PreparationActiveAt = at;
        Done += read;

        // Cases added while the job ran are read too: the total is what has been read, at least.
        Total = Math.Max(Total, Done);
        LastCaseRead = lastCase;
        IncrementVersion();
    }

    /// <summary>
    /// The preparation's job was lost (the process died before it was queued, or it failed for good): it is queued
    /// again. The job is idempotent (ADR 0022), so a run that was only slow and a new one never duplicate a line.
    /// </summary>
    public void Requeue(DateTimeOffset at)
    {
        EnsurePreparing();
        Requeues++;
        PreparationActiveAt = at;
        IncrementVersion();
    }

    /// <summary>
    /// A claims officer of the preparing agency gives up a preparation (stuck, or started by mistake). The claim is
    /// kept, Cancelled, for its history; its window is free again. A job still running stops at its next batch.
    /// </summary>
    public void Cancel(Guid by, DateTimeOffset at)
    {
        if (Status != ClaimStatus.Preparing)
        {
            throw new DomainRuleException("claims.not-preparing", "Only a claim still being prepared can be cancelled");
        }

        Status = ClaimStatus.Cancelled;
        CancelledBy = by;
        CancelledAt = at;
        IncrementVersion();
    }

    /// <summary>Every case was read: the lines are ready to be checked.</summary>
    public void FinishPreparation(DateTimeOffset at)
    {
        EnsurePreparing();
        Status = ClaimStatus.Draft;
        Total = Done;
        ReadyAt = at;
        IncrementVersion();
    }

    /// <summary>A new line of this claim (the preparation only).</summary>
    public ClaimLine Propose(ClaimLineFacts facts, ClaimMoney money, DateTimeOffset at)
    {
        EnsurePreparing();
        if ((Kind == ClaimKind.Attachment) != (facts.Outcome == ClaimOutcome.Attachment))
        {
            throw new DomainRuleException("claims.outcome-not-in-claim", $"A {Kind} claim cannot hold a line for {ClaimOutcomes.Describe(facts.Outcome)}");
        }

        var amount = money.AmountFor(Phase, facts.Outcome, facts.AttachedOn);
        return new ClaimLine(this, facts, amount, at);
    }

    /// <summary>
    /// A second person validates a line (TF5: internal audit signs off before a result is claimed). The preparer may
    /// never validate their own claim's lines.
    /// </summary>
    public ClaimLineDecision Validate(ClaimLine line, Guid by, string? note, DateTimeOffset at)
    {
        EnsureDecidable(line, by);
        var decision = line.Decide(ClaimLineStatus.Validated, by, Guard.Optional(note, 2000, "claims.note", "The note must be 2000 characters or fewer"), at);
        IncrementVersion();
        return decision;
    }

    /// <summary>A second person rejects a line, saying why; it is then never submitted.</summary>
    public ClaimLineDecision Reject(ClaimLine line, Guid by, string? note, DateTimeOffset at)
    {
        EnsureDecidable(line, by);
        var decision = line.Decide(ClaimLineStatus.Rejected, by, Guard.Required(note, "claims.note-required", "Give the reason for rejecting the line", 2000), at);
        IncrementVersion();
        return decision;
    }

    /// <summary>Submits the validated lines; the claim is frozen from now on.</summary>
    public void Submit(Guid by, int validatedLines, DateTimeOffset at)
    {
        if (Status == ClaimStatus.Submitted)
        {
            throw new DomainRuleException("claims.already-submitted", "This claim has already been submitted");
        }

        if (Status != ClaimStatus.Draft)
        {
            throw new DomainRuleException("claims.still-preparing", "The claim is still being prepared");
        }

        if (validatedLines == 0)
        {
            throw new DomainRuleException("claims.nothing-validated", "No line of this claim has been validated, so there is nothing to submit");
        }

        Status = ClaimStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
        IncrementVersion();
    }

    public bool IsPreparedBy(Guid userId) => PreparedBy == userId;

    private void EnsureDecidable(ClaimLine line, Guid by)
    {
        if (line.ClaimId != Id)
        {
            throw new DomainRuleException("claims.line-not-in-claim", "This line belongs to another claim");
        }

        if (Status == ClaimStatus.Submitted)
        {
            throw new DomainRuleException("claims.frozen", "This claim has been submitted and can no longer change");
        }

        if (Status != ClaimStatus.Draft)
        {
            throw new DomainRuleException("claims.still-preparing", "The claim is still being prepared");
        }

        if (IsPreparedBy(by))
        {
            throw new DomainRuleException("claims.preparer-cannot-validate", "A second person checks each line: the preparer cannot validate or reject it");
        }
    }

    private void EnsurePreparing()
    {
        if (Status != ClaimStatus.Preparing)
        {
            throw new DomainRuleException("claims.not-preparing", "The claim's preparation has finished");
        }
    }
}
