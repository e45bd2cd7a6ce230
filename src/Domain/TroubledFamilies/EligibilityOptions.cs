namespace CaseManager.Domain.TroubledFamilies;

/// <summary>
/// <c>TroubledFamilies:Eligibility:*</c>: the thresholds of eligibility, one set per programme phase (TF1, TF4), so a
/// change to one phase's rules does not move the other's.
/// </summary>
public sealed class EligibilityOptions
{
    public EligibilityThresholds Phase1 { get; set; } = new();

    public EligibilityThresholds Phase2 { get; set; } = new();

    public EligibilityThresholds For(int phase) => phase == 1 ? Phase1 : Phase2;
}

public sealed class EligibilityThresholds
{
    /// <summary>"In the last 12 months": the months ending on the day asked about (offences, ASB, local criteria).</summary>
    public int LookbackMonths { get; set; } = 12;

    /// <summary>"The last 3 consecutive terms": the term of the day asked about and the ones before it.</summary>
    public int Terms { get; set; } = 3;

    /// <summary>Fixed-term exclusions of one child in those terms that meet the education criterion.</summary>
    public int FixedTermExclusions { get; set; } = 3;

    /// <summary>Unauthorised absence over those terms, as a percentage of sessions possible, that meets it.</summary>
    public decimal AbsencePercent { get; set; } = 15m;

    /// <summary>Headline problems that make a family eligible in phase 2 (TF4).</summary>
    public int HeadlineProblemsNeeded { get; set; } = 2;
}
