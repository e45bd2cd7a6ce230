namespace CaseManager.Domain.Reviews;

/// <summary>
/// The review calendar's arithmetic. Everything is in whole days of the partnership's calendar: a review due on a
/// date is due on that date wherever the clocks stand, so a clock change never moves it.
/// </summary>
public static class ReviewSchedule
{
    /// <summary>The partnership's calendar date at an instant (local date in the zone, after any clock change).</summary>
    public static DateOnly DayIn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The next review falls due a whole number of days after the day it counts from.</summary>
    public static DateOnly NextDue(DateOnly from, int intervalDays)
    {
        if (intervalDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalDays), "A review interval is at least one day");
        }

        return from.AddDays(intervalDays);
    }

    /// <summary>
    /// Upcoming until <paramref name="reminderWindowDays"/> days before the due date; Due from then until the due
    /// date itself; Overdue from the day after.
    /// </summary>
    public static ReviewState StateOn(DateOnly dueOn, DateOnly today, int reminderWindowDays)
    {
        if (today > dueOn)
        {
            return ReviewState.Overdue;
        }

        return today >= dueOn.AddDays(-reminderWindowDays) ? ReviewState.Due : ReviewState.Upcoming;
    }

    /// <summary>The first day on which a review with this due date counts as due.</summary>
    public static DateOnly DueFrom(DateOnly dueOn, int reminderWindowDays) => dueOn.AddDays(-reminderWindowDays);

    /// <summary>
    /// Which escalation period an overdue review is in: 0 from its first overdue day, 1 from
    /// <paramref name="repeatDays"/> days later, and so on; null while it is not overdue. One escalation is sent per
    /// period, so the managers hear of it on the first overdue day and again every <paramref name="repeatDays"/> days.
    /// </summary>
    public static int? EscalationPeriod(DateOnly dueOn, DateOnly today, int repeatDays)
    {
        if (repeatDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repeatDays), "Escalations repeat after at least one day");
        }

        var daysOverdue = today.DayNumber - dueOn.DayNumber;
        return daysOverdue >= 1 ? (daysOverdue - 1) / repeatDays : null;
    }
}
