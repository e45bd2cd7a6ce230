namespace CaseManager.Application.Cases;

/// <summary><c>Iom:*</c>: the partnership's local IOM lists (DOMAIN.md IOM2, IOM3, IOM6).</summary>
public sealed class IomOptions
{
    public const string Section = "Iom";

    /// <summary>Cohort types. Replacing the list in configuration replaces the whole default.</summary>
    public List<string>? Cohorts { get; set; }

    /// <summary>Tiers, highest risk first.</summary>
    public List<string>? Tiers { get; set; }

    /// <summary>The period without offending or intelligence that supports exit on that ground (IOM6).</summary>
    public int NoOffendingExitMonths { get; set; } = 6;

    // Defaults apply only when configuration gives no list at all: binding a list into a non-empty default would
    // merge by index, so a partnership could never shorten it.
    public IReadOnlyList<string> CohortList => Cohorts is { Count: > 0 } ? Cohorts : ["Fixed", "Flex", "Free"];

    public IReadOnlyList<string> TierList => Tiers is { Count: > 0 } ? Tiers : ["Red", "Amber", "Green"];

    /// <summary>The configured spelling of a cohort, matched case-insensitively (null when it is not on the list).</summary>
    public string? MatchCohort(string? value) => Match(CohortList, value);

    public string? MatchTier(string? value) => Match(TierList, value);

    private static string? Match(IReadOnlyList<string> list, string? value) =>
        value is null ? null : list.FirstOrDefault(item => string.Equals(item, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
