using CaseManager.Domain.Agencies;
using CaseManager.Domain.TroubledFamilies;

namespace CaseManager.Application.TroubledFamilies;

/// <summary>
/// <c>TroubledFamilies:*</c>. <c>LocalCriteria</c> is the partnership's list of local discretion criteria (DOMAIN.md
/// TF1 (d)); a configured list replaces the default rather than adding to it. A criterion other than the five known
/// ones names its data category in <c>LocalCriterionCategories:{code}</c> and may name the TF4 headline problem it
/// shows in <c>LocalCriterionProblems:{code}</c> (docs/families.md).
/// </summary>
public sealed class TroubledFamiliesOptions
{
    public const string Section = "TroubledFamilies";

    public List<string> LocalCriteria { get; set; } = [.. Domain.TroubledFamilies.LocalCriteria.Defaults];

    public Dictionary<string, DataCategory> LocalCriterionCategories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, HeadlineProblem> LocalCriterionProblems { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured code matching <paramref name="code"/> in any case, or null when it is not on the list.</summary>
    public string? Find(string? code) =>
        code is null ? null : LocalCriteria.Find(c => string.Equals(c, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public DataCategory? CategoryOf(string code) =>
        LocalCriterionCategories.TryGetValue(code, out var category) ? category : Domain.TroubledFamilies.LocalCriteria.DefaultCategory(code);

    public HeadlineProblem? ProblemOf(string code) =>
        LocalCriterionProblems.TryGetValue(code, out var problem) ? problem : Domain.TroubledFamilies.LocalCriteria.DefaultProblem(code);
}
