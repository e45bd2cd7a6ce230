namespace CaseManager.Domain.Agencies;

/// <summary>
/// The partnership's schemes. A scheme is also the purpose of a consent or a sharing agreement (DOMAIN.md IS7).
/// </summary>
public enum Scheme
{
    Iom,
    Fit,
    HighImpactHousehold,
    TroubledFamilies,
    AdultTreatment,
    YoungPeopleTreatment,
}
