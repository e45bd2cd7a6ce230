using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// The demo partnership of API.md: a Darlington-like community safety partnership with its agencies, the
/// schemes each takes part in, and one or two users in each.
/// </summary>
public static class DemoPartnership
{
    public static readonly IReadOnlyList<(string Code, string Name, Scheme[] Schemes)> Agencies =
    [
        ("POLICE", "Police – Integrated Offender Management Unit", [Scheme.Iom]),
        ("PROBATION", "Probation Service", [Scheme.Iom]),
        ("FIT", "Family Intervention Team", [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies]),
        ("DAAT", "Drug and Alcohol Action Team (adult recovery)", [Scheme.AdultTreatment, Scheme.Iom, Scheme.Fit, Scheme.TroubledFamilies]),
        ("SWITCH", "SWITCH young people's substance misuse service", [Scheme.YoungPeopleTreatment]),
        ("YOS", "Youth Offending Service", [Scheme.Fit, Scheme.TroubledFamilies]),
        ("HOUSING", "Housing Services", [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies]),
        ("CSC", "Children's Social Care", [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies]),
        ("EVOLUTION", "eVOLution (charity)", [Scheme.Fit]),
        ("NECA", "NECA addiction recovery (charity)", [Scheme.AdultTreatment]),
        ("COUNCIL", "Council – Community Safety and Troubled Families", [Scheme.TroubledFamilies]),
    ];

    public static readonly IReadOnlyList<(string Email, string DisplayName, string Agency, Role[] Roles)> Users =
    [
        ("iom.officer@police.demo", "Priya Shah", "POLICE", [Role.Caseworker]),
        ("iom.manager@police.demo", "Mark Hendry", "POLICE", [Role.Manager]),
        ("offender.manager@probation.demo", "Gill Armstrong", "PROBATION", [Role.Caseworker]),
        ("senior@probation.demo", "Colin Dunn", "PROBATION", [Role.Manager]),
        ("keyworker@fit.demo", "Jo Pearson", "FIT", [Role.Caseworker]),
        ("manager@fit.demo", "Sandra Lowe", "FIT", [Role.Manager]),
        ("recovery.worker@daat.demo", "Kev Robson", "DAAT", [Role.Caseworker]),
        ("manager@daat.demo", "Helen Watts", "DAAT", [Role.Manager]),
        ("youth.worker@switch.demo", "Lee Carr", "SWITCH", [Role.Caseworker]),
        ("manager@switch.demo", "Rachel Dodds", "SWITCH", [Role.Manager]),
        ("claims@council.demo", "Ruth Bell", "COUNCIL", [Role.ClaimsOfficer]),

        // Internal audit for claims (TF5): a second claims officer validates what the first prepared.
        ("claims.audit@council.demo", "Dev Patel", "COUNCIL", [Role.ClaimsOfficer]),
        ("ig.lead@council.demo", "Amir Khan", "COUNCIL", [Role.InformationGovernance]),
        ("admin@council.demo", "Sam Taylor", "COUNCIL", [Role.Administrator]),
    ];
}
