namespace CaseManager.Domain.Claims;

/// <summary>What a claim is for (DOMAIN.md TF3, TF4): attachment fees for newly attached families, or results.</summary>
public enum ClaimKind
{
    Attachment,
    Results,
}

/// <summary>
/// A claim is prepared by a background job (<see cref="Preparing"/>), checked line by line (<see cref="Draft"/>)
/// and then submitted, after which it is frozen (TF5). A preparation may be <see cref="Cancelled"/> instead, which
/// frees its window.
/// </summary>
public enum ClaimStatus
{
    Preparing,
    Draft,
    Submitted,
    Cancelled,
}

/// <summary>A line is proposed by the preparation, then validated or rejected by a second person (TF5).</summary>
public enum ClaimLineStatus
{
    Proposed,
    Validated,
    Rejected,
}

/// <summary>
/// What one claim line pays for: the attachment fee, or one of the results of TF2 (phase 1) and TF4 (phase 2).
/// The result names are those of the results engine's <c>ResultKind</c>.
/// </summary>
public enum ClaimOutcome
{
    Attachment,
    CrimeAsbEducation,
    ContinuousEmployment,
    ProgressToWork,
    SignificantAndSustainedProgress,
}

/// <summary>
/// The place an outcome takes in a family's claims for a phase (TF5): one attachment, one results claim
/// (crime/ASB and education, continuous employment, or significant and sustained progress), and in phase 1 at most
/// one progress-to-work claim beside it. The ledger of submitted outcomes is unique on (phase, family, slot).
/// </summary>
public enum ClaimSlot
{
    Attachment,
    Result,
    ProgressToWork,
}

public static class ClaimOutcomes
{
    public static ClaimSlot SlotOf(ClaimOutcome outcome) => outcome switch
    {
        ClaimOutcome.Attachment => ClaimSlot.Attachment,
        ClaimOutcome.ProgressToWork => ClaimSlot.ProgressToWork,
        _ => ClaimSlot.Result,
    };

    /// <summary>
    /// Every slot an outcome takes in a family's claims for the phase once submitted. Its own slot; and in phase 1
    /// continuous employment also takes the progress-to-work slot, because it pays instead of both other results (TF3:
    /// £800 at most, never £700 + £100 + £800): a family claimed for progress to work can no longer be claimed for
    /// continuous employment, and the other way round, while crime/ASB and education and progress to work go together.
    /// </summary>
    public static IReadOnlyList<ClaimSlot> SlotsTakenBy(int phase, ClaimOutcome outcome) =>
        phase == 1 && outcome == ClaimOutcome.ContinuousEmployment
            ? [ClaimSlot.Result, ClaimSlot.ProgressToWork]
            : [SlotOf(outcome)];

    /// <summary>The outcomes a phase pays for (TF3: phase 1; TF4: phase 2).</summary>
    public static IReadOnlyList<ClaimOutcome> ResultsOf(int phase) => phase == 1
        ? [ClaimOutcome.CrimeAsbEducation, ClaimOutcome.ContinuousEmployment, ClaimOutcome.ProgressToWork]
        : [ClaimOutcome.SignificantAndSustainedProgress, ClaimOutcome.ContinuousEmployment];

    public static void EnsurePhase(int phase)
    {
        if (phase is not (1 or 2))
        {
            throw new Common.DomainRuleException("claims.phase", "The programme phase is 1 (2012–15) or 2 (2015–20)");
        }
    }

    public static string Describe(ClaimOutcome outcome) => outcome switch
    {
        ClaimOutcome.Attachment => "Attachment fee",
        ClaimOutcome.CrimeAsbEducation => "Crime, anti-social behaviour and education",
        ClaimOutcome.ContinuousEmployment => "Continuous employment",
        ClaimOutcome.ProgressToWork => "Progress to work",
        ClaimOutcome.SignificantAndSustainedProgress => "Significant and sustained progress",
        _ => outcome.ToString(),
    };
}
