using System.Text.RegularExpressions;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.Agencies;

/// <summary>The short, stable code of an agency in the partnership, such as <c>POLICE</c> or <c>FIT</c>.</summary>
public readonly partial record struct AgencyCode
{
    private AgencyCode(string value) => Value = value;

    public string Value { get; }

    public static AgencyCode Parse(string? value)
    {
        var candidate = value?.Trim().ToUpperInvariant() ?? string.Empty;
        return CodePattern().IsMatch(candidate)
            ? new AgencyCode(candidate)
            : throw new DomainRuleException(
                "agency.invalid-code",
                "An agency code is 2 to 20 capital letters, digits or hyphens, starting with a letter");
    }

    public static bool TryParse(string? value, out AgencyCode code)
    {
        var candidate = value?.Trim().ToUpperInvariant() ?? string.Empty;
        code = CodePattern().IsMatch(candidate) ? new AgencyCode(candidate) : default;
        return code.Value is not null;
    }

    /// <summary>For the persistence layer, which stores only valid codes.</summary>
    public static AgencyCode FromTrusted(string value) => new(value);

    public override string ToString() => Value;

    /// <summary>What a stored code looks like (the OpenAPI document declares it; input is trimmed and upper-cased first).</summary>
    public const string Pattern = "^[A-Z][A-Z0-9-]{1,19}$";

    [GeneratedRegex(Pattern)]
    private static partial Regex CodePattern();
}
