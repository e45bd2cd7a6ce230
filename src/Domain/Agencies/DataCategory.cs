namespace CaseManager.Domain.Agencies;

/// <summary>The category of a record, which decides how it may be shared (DOMAIN.md IS7).</summary>
public enum DataCategory
{
    Identity,
    Offending,

    /// <summary>Special category data under UK GDPR Art 9: never shared without consent or break-glass (DT5).</summary>
    HealthSubstanceMisuse,
    ChildrenSafeguarding,

    /// <summary>Never shared by agreement alone: owner only, or break-glass (IS7).</summary>
    VictimSensitive,
    EducationEmploymentBenefits,
}
