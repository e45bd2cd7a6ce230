namespace CaseManager.Domain.Agencies;

/// <summary>
/// The full names people use for the schemes ("Integrated Offender Management", never "Iom"): in pages, CSV
/// downloads, notifications and timeline entries alike. API fields that carry a scheme still carry its code.
/// </summary>
public static class SchemeNaming
{
    public static string FullName(this Scheme scheme) => scheme switch
    {
        Scheme.Iom => "Integrated Offender Management",
        Scheme.Fit => "Family Intervention Team",
        Scheme.HighImpactHousehold => "High impact households",
        Scheme.TroubledFamilies => "Troubled Families",
        Scheme.AdultTreatment => "Adult drug and alcohol treatment",
        Scheme.YoungPeopleTreatment => "Young people's substance misuse",
        _ => scheme.ToString(),
    };
}
