using System.Globalization;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.Outcomes;

public enum TermSeason
{
    Spring,
    Summer,
    Autumn,
}

/// <summary>
/// A school term written "2026-Autumn" (DOMAIN.md TF1 (b), TF2). Terms follow each other Spring, Summer, Autumn in a
/// calendar year: Spring is January to March, Summer April to August, Autumn September to December. These are the
/// spans a day is placed in when counting "the last 3 consecutive terms"; a school's own term dates fall inside them.
/// </summary>
public readonly record struct SchoolTerm(int Year, TermSeason Season) : IComparable<SchoolTerm>
{
    public const string Format = "YYYY-Spring, YYYY-Summer or YYYY-Autumn";

    /// <summary>Consecutive terms have consecutive ordinals.</summary>
    public int Ordinal => (Year * 3) + (int)Season;

    public DateOnly Start => Season switch
    {
        TermSeason.Spring => new DateOnly(Year, 1, 1),
        TermSeason.Summer => new DateOnly(Year, 4, 1),
        _ => new DateOnly(Year, 9, 1),
    };

    public DateOnly End => Season switch
    {
        TermSeason.Spring => new DateOnly(Year, 3, 31),
        TermSeason.Summer => new DateOnly(Year, 8, 31),
        _ => new DateOnly(Year, 12, 31),
    };

    public static SchoolTerm Of(DateOnly day) => new(day.Year, day.Month switch
    {
        <= 3 => TermSeason.Spring,
        <= 8 => TermSeason.Summer,
        _ => TermSeason.Autumn,
    });

    public static SchoolTerm FromOrdinal(int ordinal) => new(ordinal / 3, (TermSeason)(ordinal % 3));

    public SchoolTerm Previous(int terms = 1) => FromOrdinal(Ordinal - terms);

    public static bool TryParse(string? text, out SchoolTerm term)
    {
        term = default;
        var parts = text?.Trim().Split('-');
        if (parts is not { Length: 2 }
            || parts[0].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1990 or > 2100
            || !Enum.TryParse<TermSeason>(parts[1], ignoreCase: true, out var season)
            || !Enum.IsDefined(season)
            || int.TryParse(parts[1], out _))
        {
            return false;
        }

        term = new SchoolTerm(year, season);
        return true;
    }

    public static SchoolTerm Parse(string? text) =>
        TryParse(text, out var term) ? term : throw new DomainRuleException("education.term", $"Enter the term as {Format}");

    public int CompareTo(SchoolTerm other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(SchoolTerm left, SchoolTerm right) => left.Ordinal < right.Ordinal;

    public static bool operator <=(SchoolTerm left, SchoolTerm right) => left.Ordinal <= right.Ordinal;

    public static bool operator >(SchoolTerm left, SchoolTerm right) => left.Ordinal > right.Ordinal;

    public static bool operator >=(SchoolTerm left, SchoolTerm right) => left.Ordinal >= right.Ordinal;

    public override string ToString() => $"{Year.ToString("D4", CultureInfo.InvariantCulture)}-{Season}";
}
