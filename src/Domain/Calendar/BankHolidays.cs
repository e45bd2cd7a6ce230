namespace CaseManager.Domain.Calendar;

/// <summary>
/// The regular bank holidays of England and Wales, worked out from the rules rather than from a published list:
/// New Year's Day, Good Friday, Easter Monday, the early May bank holiday (first Monday in May), the spring bank
/// holiday (last Monday in May), the summer bank holiday (last Monday in August), Christmas Day and Boxing Day.
/// A fixed-date holiday on a weekend is given a substitute day: the next weekday that is not already a holiday.
/// One-off holidays and moved ones (a coronation, 8 May 2020) are not in the rules: add them as extra days to
/// <see cref="WorkingCalendar"/>.
/// </summary>
public static class BankHolidays
{
    public static IReadOnlyList<DateOnly> EnglandAndWales(int year)
    {
        if (year is < 1900 or > 2199)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Bank holidays are worked out for 1900 to 2199 only");
        }

        var easter = EasterSunday(year);
        var holidays = new List<DateOnly>
        {
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        AddWithSubstitute(holidays, new DateOnly(year, 1, 1));
        AddWithSubstitute(holidays, new DateOnly(year, 12, 25));
        AddWithSubstitute(holidays, new DateOnly(year, 12, 26));
        holidays.Sort();
        return holidays;
    }

    public static bool IsEnglandAndWalesBankHoliday(DateOnly day) => EnglandAndWales(day.Year).Contains(day);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static void AddWithSubstitute(List<DateOnly> holidays, DateOnly day)
    {
        var observed = day;
        while (IsWeekend(observed) || holidays.Contains(observed))
        {
            observed = observed.AddDays(1);
        }

        holidays.Add(observed);
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    internal static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
