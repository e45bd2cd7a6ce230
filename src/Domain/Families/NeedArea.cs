using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.Families;

/// <summary>The areas a whole-family assessment looks at (DOMAIN.md FAM1; the eleven areas).</summary>
public enum NeedArea
{
    Crime,
    Asb,
    Education,
    Work,
    Finance,
    DomesticAbuse,
    Health,
    MentalHealth,
    SubstanceMisuse,
    ChildrenNeedHelp,
    Housing,
}

/// <summary>
/// The data category (DOMAIN.md IS7) of a need in each area, so the access rule treats a need as the kind of record it
/// describes: health, mental health and substance misuse are special category data (IS2, DT5), domestic abuse is
/// victim-sensitive (never shared by agreement), crime and ASB are offending data.
/// </summary>
public static class NeedAreas
{
    public static DataCategory CategoryOf(NeedArea area) => area switch
    {
        NeedArea.Crime or NeedArea.Asb => DataCategory.Offending,
        NeedArea.Education or NeedArea.Work or NeedArea.Finance or NeedArea.Housing => DataCategory.EducationEmploymentBenefits,
        NeedArea.DomesticAbuse => DataCategory.VictimSensitive,
        NeedArea.Health or NeedArea.MentalHealth or NeedArea.SubstanceMisuse => DataCategory.HealthSubstanceMisuse,
        NeedArea.ChildrenNeedHelp => DataCategory.ChildrenSafeguarding,
        _ => throw new DomainRuleException("assessment.need-area", $"{area} is not a need area"),
    };
}
