namespace CaseManager.Domain.TroubledFamilies;

/// <summary>
/// <c>TroubledFamilies:Results:*</c>: the thresholds of the results (DOMAIN.md TF2 for phase 1, TF4 for phase 2), one
/// set per phase. <see cref="Eligibility"/> is how problems at entry are identified (phase 2): the host sets it to
/// the configured eligibility thresholds.
/// </summary>
public sealed class ResultsOptions
{
    public ResultsThresholds Phase1 { get; set; } = new();

    public ResultsThresholds Phase2 { get; set; } = new();

    public EligibilityOptions Eligibility { get; set; } = new();

    public ResultsThresholds For(int phase) => phase == 1 ? Phase1 : Phase2;
}

public sealed class ResultsThresholds
{
    /// <summary>"Over the last 6 months (vs the 6 months before entry)"; also how long after entry before a result is measured.</summary>
    public int MeasureMonths { get; set; } = 6;

    public decimal AsbReductionPercent { get; set; } = 60m;

    public decimal OffendingReductionPercent { get; set; } = 33m;

    public int Terms { get; set; } = 3;

    /// <summary>Each child must have fewer than this many fixed-term exclusions in the last terms.</summary>
    public int FixedTermExclusions { get; set; } = 3;

    /// <summary>Each child must have less than this unauthorised absence in the last terms.</summary>
    public decimal AbsencePercent { get; set; } = 15m;

    /// <summary>A child of this age or over on the day has left school (TF2's education neutral).</summary>
    public int SchoolLeavingAge { get; set; } = 16;

    /// <summary>An adult counts as a former claimant when on an out-of-work benefit on entry or in these months before it.</summary>
    public int BenefitBeforeEntryMonths { get; set; } = 6;

    /// <summary>Phase 1: weeks of continuous work after entry (TF2: 13 by default; sources say 3 or 6 months).</summary>
    public int ContinuousWeeks { get; set; } = 13;

    /// <summary>Phase 2, former JSA claimants: weeks in work out of the last weeks.</summary>
    public int JsaWeeksInWork { get; set; } = 26;

    public int JsaWindowWeeks { get; set; } = 30;

    /// <summary>Phase 2, other out-of-work benefits.</summary>
    public int OtherWeeksInWork { get; set; } = 13;

    public int OtherWindowWeeks { get; set; } = 15;
}
