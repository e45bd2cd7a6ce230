using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages.Households;

/// <summary>How the household pages name relationships and family schemes (DOMAIN.md FAM2, FAM3).</summary>
public static class HouseholdWords
{
    public static string Relationship(string relationship) => relationship switch
    {
        nameof(Domain.Households.Relationship.ParentCarer) => "Parent or carer",
        nameof(Domain.Households.Relationship.Child) => "Child",
        nameof(Domain.Households.Relationship.Partner) => "Partner",
        nameof(Domain.Households.Relationship.Sibling) => "Sibling",
        nameof(Domain.Households.Relationship.OtherAdult) => "Other adult",
        _ => relationship,
    };

    public static IReadOnlyList<SelectListItem> RelationshipItems { get; } =
        [.. Enum.GetValues<Relationship>().Select(r => new SelectListItem(Relationship(r.ToString()), r.ToString()))];

    public static string Scheme(string scheme) => SchemeNames.Of<Scheme>(scheme);

    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "Household with no name" : name;

    public static string Href(Guid id) => $"/households/{id}";
}
