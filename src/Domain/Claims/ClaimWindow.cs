using System.Globalization;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.Claims;

/// <summary>
/// The month a claim is made in, written <c>yyyy-MM</c> (API.md: <c>"window": "2026-12"</c>). Families attached up to
/// its last day may be claimed for; results are measured as at its last day.
/// </summary>
public readonly record struct ClaimWindow(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static bool TryParse(string? text, out ClaimWindow window)
    {
        window = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 2012 or > 2199 || month is < 1 or > 12)
        {
            return false;
        }

        window = new ClaimWindow(year, month);
        return true;
    }

    public static ClaimWindow Parse(string? text) => TryParse(text, out var window)
        ? window
        : throw new DomainRuleException("claims.window", "The claim window is a month written yyyy-mm, from 2012-01");

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

/// <summary>The financial year (April to March) a day falls in, named by the year it starts: 2012 is 2012/13.</summary>
public static class FinancialYear
{
    public static int Of(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;

    public static string Name(int year) => $"{year}/{(year + 1) % 100:D2}";
}
