namespace CaseManager.Domain.Sharing;

/// <summary>UK GDPR Article 6 basis for a share (DOMAIN.md IS2). Consent is one basis among several, never the only one.</summary>
public enum LawfulBasis
{
    PublicTask,
    Consent,
    LegalObligation,
    VitalInterests,
}

/// <summary>Who gave (or refused) consent (DOMAIN.md IS7).</summary>
public enum ConsentGivenBy
{
    Self,
    ParentalResponsibility,
    GillickCompetentChild,
}

public enum ConsentStatus
{
    Given,
    Refused,
    Withdrawn,
}

/// <summary>Why someone used break-glass access.</summary>
public enum RiskCategory
{
    RiskToLife,
    ChildAtRisk,
    AdultAtRisk,
    DomesticAbuse,
    PreventSeriousCrime,
    Other,
}

public enum BreakGlassReviewOutcome
{
    Justified,
    NotJustified,
}
