using CaseManager.Domain.Agencies;

namespace CaseManager.Domain.TroubledFamilies;

/// <summary>
/// The local discretion criteria of phase 1 (DOMAIN.md TF1 (d)), a configurable list. Each carries the data category
/// its evidence is (so the access rule protects it as such a record) and the phase 2 headline problem it shows
/// (TF4), so that one local record counts in both phases. These are the defaults for the five known criteria;
/// a partnership's own criterion names its category and problem in configuration.
/// </summary>
public static class LocalCriteria
{
    public const string ChildProtectionPlan = nameof(ChildProtectionPlan);
    public const string RiskOfEviction = nameof(RiskOfEviction);
    public const string DomesticAbuse = nameof(DomesticAbuse);
    public const string SubstanceMisuse = nameof(SubstanceMisuse);
    public const string MemberInCustody = nameof(MemberInCustody);

    public static readonly IReadOnlyList<string> Defaults = [ChildProtectionPlan, RiskOfEviction, DomesticAbuse, SubstanceMisuse, MemberInCustody];

    /// <summary>
    /// A child protection plan is safeguarding data; the risk of eviction is about money and housing (benefits);
    /// domestic abuse is victim-sensitive (never shared by agreement alone, IS7); substance misuse is health data;
    /// a member in custody is offending data.
    /// </summary>
    public static DataCategory? DefaultCategory(string code) => code switch
    {
        ChildProtectionPlan => DataCategory.ChildrenSafeguarding,
        RiskOfEviction => DataCategory.EducationEmploymentBenefits,
        DomesticAbuse => DataCategory.VictimSensitive,
        SubstanceMisuse => DataCategory.HealthSubstanceMisuse,
        MemberInCustody => DataCategory.Offending,
        _ => null,
    };

    /// <summary>The TF4 headline problem a known criterion shows (docs/families.md "Phase 2").</summary>
    public static HeadlineProblem? DefaultProblem(string code) => code switch
    {
        ChildProtectionPlan => HeadlineProblem.ChildrenNeedHelp,
        RiskOfEviction => HeadlineProblem.Worklessness,
        DomesticAbuse => HeadlineProblem.DomesticAbuse,
        SubstanceMisuse => HeadlineProblem.Health,
        MemberInCustody => HeadlineProblem.CrimeAsb,
        _ => null,
    };
}
