using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages;

/// <summary>The words people use for schemes and roles.</summary>
public static class SchemeNames
{
    public static string Of(Scheme scheme) => scheme switch
    {
        Scheme.Iom => "Integrated Offender Management",
        Scheme.Fit => "Family Intervention Team",
        Scheme.HighImpactHousehold => "High impact households",
        Scheme.TroubledFamilies => "Troubled Families",
        Scheme.AdultTreatment => "Adult drug and alcohol treatment",
        Scheme.YoungPeopleTreatment => "Young people's substance misuse",
        _ => scheme.ToString(),
    };

    public static string Of(Role role) => role switch
    {
        Role.Caseworker => "Caseworker",
        Role.Manager => "Manager",
        Role.ClaimsOfficer => "Claims officer",
        Role.InformationGovernance => "Information governance lead",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static IEnumerable<SelectListItem> SchemeItems() =>
        Enum.GetValues<Scheme>().Select(s => new SelectListItem(Of(s), s.ToString()));

    public static IEnumerable<SelectListItem> RoleItems() =>
        Enum.GetValues<Role>().Select(r => new SelectListItem(Of(r), r.ToString()));
}
