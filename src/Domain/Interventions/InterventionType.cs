using CaseManager.Domain.Agencies;

namespace CaseManager.Domain.Interventions;

/// <summary>The kinds of work logged on a case (API.md). Later schemes add their own kinds here.</summary>
public enum InterventionType
{
    OfficeAppointment,
    HomeVisit,
    PrisonVisit,
    PhoneContact,
    DrugTest,
    AlcoholTreatmentSession,
    CourseAttendance,
    RestorativeJusticeConference,
    EmploymentSupport,
    Arrest,
    BreachAction,
    Other,

    /// <summary>A keywork session with a treatment client (DT1): logged on adult and young people's treatment cases only.</summary>
    Keywork,
}

public enum DrugTestResult
{
    Negative,
    Positive,
    Refused,
}

/// <summary>Substances a drug test can find (the NDTMS groups a partnership reports on).</summary>
public enum Substance
{
    Opiates,
    Cocaine,
    Crack,
    Amphetamines,
    Cannabis,
    Benzodiazepines,
    Methadone,
    Buprenorphine,
    Alcohol,
    Other,
}

/// <summary>
/// Which data category each kind of work belongs to, so that sharing is exact (DOMAIN.md IS7): a drug test or an
/// alcohol treatment session is health and substance misuse data; the rest of IOM work is offending data. Every
/// entry on an adult or young people's treatment case is health data whatever its kind (DT5, IS2): that a person
/// keeps appointments with a treatment service, and what was said there, is about their substance use.
/// </summary>
public static class InterventionTypes
{
    private static readonly InterventionType[] Iom = [.. Enum.GetValues<InterventionType>().Where(t => t != InterventionType.Keywork)];

    public static DataCategory CategoryOf(InterventionType type, Scheme scheme) =>
        scheme is Scheme.AdultTreatment or Scheme.YoungPeopleTreatment ? DataCategory.HealthSubstanceMisuse : type switch
        {
            InterventionType.DrugTest or InterventionType.AlcoholTreatmentSession => DataCategory.HealthSubstanceMisuse,
            _ => DataCategory.Offending,
        };

    private static readonly InterventionType[] Treatment =
        [InterventionType.Keywork, InterventionType.OfficeAppointment, InterventionType.HomeVisit, InterventionType.PhoneContact, InterventionType.DrugTest, InterventionType.AlcoholTreatmentSession, InterventionType.Other];

    private static readonly InterventionType[] Contacts =
        [InterventionType.OfficeAppointment, InterventionType.HomeVisit, InterventionType.PhoneContact, InterventionType.Other];

    /// <summary>
    /// The kinds a scheme logs. IOM has its full list; treatment and family schemes log contacts (and treatment its
    /// tests and sessions) until their own issues bring their own kinds.
    /// </summary>
    public static IReadOnlyList<InterventionType> For(Scheme scheme) => scheme switch
    {
        Scheme.Iom => Iom,
        Scheme.AdultTreatment or Scheme.YoungPeopleTreatment => Treatment,
        _ => Contacts,
    };

    /// <summary>Contacts are the work that counts as "last contact" on a caseload.</summary>
    public static bool IsContact(InterventionType type) => type is not (InterventionType.Arrest or InterventionType.BreachAction or InterventionType.Other);
}
