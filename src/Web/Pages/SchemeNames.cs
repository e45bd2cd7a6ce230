using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages;

/// <summary>The words people use for schemes, roles, data categories and the other values of information sharing.</summary>
public static class SchemeNames
{
    public static string Of(Scheme scheme) => scheme.FullName();

    public static string Of(Role role) => role switch
    {
        Role.Caseworker => "Caseworker",
        Role.Manager => "Manager",
        Role.ClaimsOfficer => "Claims officer",
        Role.InformationGovernance => "Information governance lead",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static string Of(DataCategory category) => category switch
    {
        DataCategory.Identity => "Identity",
        DataCategory.Offending => "Offending",
        DataCategory.HealthSubstanceMisuse => "Health and substance misuse",
        DataCategory.ChildrenSafeguarding => "Children and safeguarding",
        DataCategory.VictimSensitive => "Victim-sensitive",
        DataCategory.EducationEmploymentBenefits => "Education, employment and benefits",
        _ => category.ToString(),
    };

    public static string Of(ConsentStatus status) => status switch
    {
        ConsentStatus.Given => "Given",
        ConsentStatus.Refused => "Refused",
        ConsentStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Of(ConsentGivenBy givenBy) => givenBy switch
    {
        ConsentGivenBy.Self => "The person themselves",
        ConsentGivenBy.ParentalResponsibility => "Someone with parental responsibility",
        ConsentGivenBy.GillickCompetentChild => "Gillick-competent child",
        _ => givenBy.ToString(),
    };

    public static string Of(RiskCategory risk) => risk switch
    {
        RiskCategory.RiskToLife => "Risk to life",
        RiskCategory.ChildAtRisk => "Child at risk",
        RiskCategory.AdultAtRisk => "Adult at risk",
        RiskCategory.DomesticAbuse => "Domestic abuse",
        RiskCategory.PreventSeriousCrime => "Prevent serious crime",
        RiskCategory.Other => "Other",
        _ => risk.ToString(),
    };

    public static string Of(LawfulBasis basis) => basis switch
    {
        LawfulBasis.PublicTask => "Public task",
        LawfulBasis.Consent => "Consent",
        LawfulBasis.LegalObligation => "Legal obligation",
        LawfulBasis.VitalInterests => "Vital interests",
        _ => basis.ToString(),
    };

    public static string Of(BreakGlassReviewOutcome outcome) => outcome switch
    {
        BreakGlassReviewOutcome.Justified => "Justified",
        BreakGlassReviewOutcome.NotJustified => "Not justified",
        _ => outcome.ToString(),
    };

    public static string Of(AccessRule rule) => rule switch
    {
        AccessRule.None => "None",
        AccessRule.Owner => "Own agency",
        AccessRule.SharingAgreement => "Sharing agreement",
        AccessRule.Consent => "Agreement with consent",
        AccessRule.BreakGlass => "Break-glass",
        AccessRule.Role => "Role",
        AccessRule.NoRule => "No rule allowed it",
        _ => rule.ToString(),
    };

    /// <summary>The display name of a value the application sends as its enum name; unknown values are shown as they are.</summary>
    public static string Of<TEnum>(string value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) ? Describe(parsed) : value;

    /// <summary>Display names in the enum's own order (the order of the form), unknown values last.</summary>
    public static string ListOf<TEnum>(IEnumerable<string> values)
        where TEnum : struct, Enum =>
        string.Join(", ", values
            .OrderBy(v => Enum.TryParse<TEnum>(v, out var parsed) ? Convert.ToInt64(parsed, System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue)
            .Select(Of<TEnum>));

    public static IEnumerable<SelectListItem> SchemeItems() =>
        Enum.GetValues<Scheme>().Select(s => new SelectListItem(Of(s), s.ToString()));

    public static IEnumerable<SelectListItem> RoleItems() =>
        Enum.GetValues<Role>().Select(r => new SelectListItem(Of(r), r.ToString()));

    /// <summary>Data categories for a form, with a word on what the less obvious ones hold.</summary>
    public static IEnumerable<SelectListItem> DataCategoryItems() =>
        Enum.GetValues<DataCategory>().Select(c => new SelectListItem(
            c == DataCategory.Identity ? "Identity (who the person is)" : Of(c), c.ToString()));

    public static IEnumerable<SelectListItem> ConsentStatusItems() =>
        new[] { ConsentStatus.Given, ConsentStatus.Refused }.Select(s => new SelectListItem(Of(s), s.ToString()));

    public static IEnumerable<SelectListItem> GivenByItems() =>
        Enum.GetValues<ConsentGivenBy>().Select(g => new SelectListItem(Of(g), g.ToString()));

    public static IEnumerable<SelectListItem> RiskCategoryItems() =>
        Enum.GetValues<RiskCategory>().Select(r => new SelectListItem(Of(r), r.ToString()));

    public static IEnumerable<SelectListItem> LawfulBasisItems() =>
        Enum.GetValues<LawfulBasis>().Select(b => new SelectListItem(Of(b), b.ToString()));

    public static IEnumerable<SelectListItem> ReviewOutcomeItems() =>
        Enum.GetValues<BreakGlassReviewOutcome>().Select(o => new SelectListItem(Of(o), o.ToString()));

    public static IEnumerable<SelectListItem> YesNoItems() => [new SelectListItem("Yes", "true"), new SelectListItem("No", "false")];

    /// <summary>Any of these values in words; another enum's value is split into words ("HomeVisit": "Home visit").</summary>
    public static string OfEnum(Enum value) => Known(value) ?? Words(value.ToString());

    /// <summary>A code written in PascalCase, such as a configured local criterion, split into words ("RentArrears": "Rent arrears").</summary>
    public static string InWords(string code) => Words(code);

    private static string Describe<TEnum>(TEnum value)
        where TEnum : struct, Enum => Known(value) ?? value.ToString();

    private static string? Known(Enum value) => value switch
    {
        Scheme scheme => Of(scheme),
        Role role => Of(role),
        DataCategory category => Of(category),
        ConsentStatus status => Of(status),
        ConsentGivenBy givenBy => Of(givenBy),
        RiskCategory risk => Of(risk),
        LawfulBasis basis => Of(basis),
        BreakGlassReviewOutcome outcome => Of(outcome),
        AccessRule rule => Of(rule),
        _ => null,
    };

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));
}
