using CaseManager.Domain.Reviews;

namespace CaseManager.Domain.UnitTests;

public sealed class ReviewScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2026-01-01", 28, "2026-01-29")]
    [InlineData("2026-01-31", 28, "2026-02-28")]
    [InlineData("2028-02-01", 28, "2028-02-29")]
    [InlineData("2026-12-20", 42, "2027-01-31")]
    [InlineData("2026-03-15", 182, "2026-09-13")]
    [InlineData("2026-10-01", 84, "2026-12-24")]
    public void NextDue_AddsWholeDaysAcrossMonthAndYearEnds(string from, int days, string expected)
    {
        var due = ReviewSchedule.NextDue(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days);

        due.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NextDue_WithIntervalBelowOneDay_IsRejected()
    {
        var act = () => ReviewSchedule.NextDue(new DateOnly(2026, 1, 1), 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("2026-03-01", "Upcoming")]
    [InlineData("2026-03-02", "Upcoming")]
    [InlineData("2026-03-03", "Due")]
    [InlineData("2026-03-10", "Due")]
    [InlineData("2026-03-11", "Overdue")]
    [InlineData("2026-06-01", "Overdue")]
    public void StateOn_WithSevenDayWindow_IsUpcomingThenDueThenOverdue(string today, string expected)
    {
        var state = ReviewSchedule.StateOn(new DateOnly(2026, 3, 10), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 7);

        state.ToString().Should().Be(expected);
    }

    [Fact]
    public void StateOn_WithNoWindow_IsDueOnlyOnTheDay()
    {
        var due = new DateOnly(2026, 3, 10);

        ReviewSchedule.StateOn(due, due.AddDays(-1), 0).Should().Be(ReviewState.Upcoming);
        ReviewSchedule.StateOn(due, due, 0).Should().Be(ReviewState.Due);
        ReviewSchedule.StateOn(due, due.AddDays(1), 0).Should().Be(ReviewState.Overdue);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(14, 1)]
    [InlineData(15, 2)]
    public void EscalationPeriod_StartsOnTheFirstOverdueDayAndRepeatsWeekly(int daysAfterDue, int? expected)
    {
        var due = new DateOnly(2026, 1, 28);

        var period = ReviewSchedule.EscalationPeriod(due, due.AddDays(daysAfterDue), 7);

        period.Should().Be(expected);
    }

    [Fact]
    public void EscalationPeriod_AcrossMonthEnd_CountsCalendarDays()
    {
        var due = new DateOnly(2026, 2, 27);

        ReviewSchedule.EscalationPeriod(due, new DateOnly(2026, 3, 6), 7).Should().Be(0);
        ReviewSchedule.EscalationPeriod(due, new DateOnly(2026, 3, 7), 7).Should().Be(1);
    }

    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")]
    [InlineData("2026-03-29T23:30:00Z", "2026-03-30")]
    [InlineData("2026-10-24T22:59:00Z", "2026-10-24")]
    [InlineData("2026-10-24T23:00:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")]
    [InlineData("2026-10-26T00:00:00Z", "2026-10-26")]
    public void DayIn_London_FollowsTheClockChanges(string instant, string expected)
    {
        var day = ReviewSchedule.DayIn(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), London);

        day.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SevenAmRun_AcrossTheSpringClockChange_SeesEachCalendarDayOnce()
    {
        var runs = new[]
        {
            new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero),
        };

        var days = runs.Select(r => ReviewSchedule.DayIn(r, London)).ToList();

        days.Should().Equal(new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30));
    }
}
