using CaseManager.Domain.Common;
using CaseManager.Domain.Calendar;

namespace CaseManager.Domain.UnitTests;

public sealed class BankHolidaysTests
{
    [Theory]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2028, "2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26")]
    public void EnglandAndWales_ForAYear_MatchesThePublishedDates(int year, string expected)
    {
        var holidays = BankHolidays.EnglandAndWales(year);

        holidays.Should().Equal(expected.Split(' ').Select(WorkingCalendarTests.Day));
    }

    [Fact]
    public void EnglandAndWales_WhenChristmasIsOnSunday_BoxingDayIsMondayAndChristmasMovesToTuesday()
    {
        var holidays = BankHolidays.EnglandAndWales(2022);

        holidays.Should().Contain([new DateOnly(2022, 12, 26), new DateOnly(2022, 12, 27)]);
        holidays.Should().Contain(new DateOnly(2022, 1, 3), "New Year's Day fell on a Saturday");
    }

    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    [InlineData(2008, 3, 23)]
    public void EasterSunday_ForAYear_IsTheKnownDate(int year, int month, int day) =>
        BankHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));

    [Fact]
    public void EnglandAndWales_OutsideTheSupportedYears_IsRefused()
    {
        var act = () => BankHolidays.EnglandAndWales(2200);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new([]);

    internal static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-03", "2026-12-03")]
    [InlineData("2026-11-26", "2026-12-29")]
    [InlineData("2027-01-31", "2027-03-01")]
    [InlineData("2026-03-03", "2026-04-07")]
    [InlineData("2028-01-29", "2028-02-29")]
    [InlineData("2026-12-01", "2027-01-04")]
    public void SubjectAccessRespondBy_OneCalendarMonthOnToAWorkingDay(string received, string respondBy) =>
        Calendar.SubjectAccessRespondBy(Day(received)).Should().Be(Day(respondBy));

    [Theory]
    [InlineData("2026-11-26", "2026-11-26", "2027-02-26")]
    [InlineData("2026-11-26", "2026-12-29", "2027-02-26")]
    [InlineData("2026-11-30", "2026-12-01", "2027-03-01")]
    [InlineData("2026-09-26", "2026-10-01", "2026-12-29")]
    public void SubjectAccessRespondBy_Extended_ThreeCalendarMonthsOnToAWorkingDay(string received, string told, string respondBy) =>
        Calendar.SubjectAccessRespondBy(Day(received), Day(told)).Should().Be(Day(respondBy));

    [Theory]
    [InlineData("2026-11-26", "2026-12-30")]
    [InlineData("2026-11-26", "2026-11-25")]
    public void SubjectAccessRespondBy_ExtensionToldOutsideTheFirstMonth_IsRefused(string received, string told)
    {
        var act = () => Calendar.SubjectAccessRespondBy(Day(received), Day(told));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("subject-access.extension-too-late");
    }

    [Fact]
    public void SubjectAccessRespondBy_NotExtended_IsOneMonth() =>
        Calendar.SubjectAccessRespondBy(Day("2026-11-26"), extensionToldOn: null).Should().Be(Day("2026-12-29"));

    [Fact]
    public void SubjectAccessRespondBy_OnAnExtraClosureDay_MovesToTheNextWorkingDay()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 6, 5), new DateOnly(2026, 6, 8)]);

        var respondBy = calendar.SubjectAccessRespondBy(new DateOnly(2026, 5, 5));

        respondBy.Should().Be(new DateOnly(2026, 6, 9));
    }

    [Theory]
    [InlineData("2026-12-25", false)]
    [InlineData("2026-12-28", false)]
    [InlineData("2026-12-29", true)]
    [InlineData("2026-12-26", false)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-04-07", true)]
    public void IsWorkingDay_SkipsWeekendsAndBankHolidays(string day, bool working) =>
        Calendar.IsWorkingDay(Day(day)).Should().Be(working);
}
