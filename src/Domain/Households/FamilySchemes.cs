using CaseManager.Domain.Agencies;

namespace CaseManager.Domain.Households;

/// <summary>The schemes that enrol a household rather than a person (DOMAIN.md FAM3).</summary>
public static class FamilySchemes
{
    public static readonly IReadOnlySet<Scheme> All = new HashSet<Scheme> { Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies };

    public static bool Contains(Scheme scheme) => All.Contains(scheme);
}
