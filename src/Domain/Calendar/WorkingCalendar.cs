namespace CaseManager.Domain.Calendar;

/// <summary>
/// The partnership's working days: Monday to Friday, except the bank holidays of England and Wales and any extra
/// days the partnership is closed (one-off bank holidays, closure days).
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> extraNonWorkingDays)
{
    private readonly HashSet<DateOnly> _extra = [.. extraNonWorkingDays];

    public bool IsWorkingDay(DateOnly day) =>
        !BankHolidays.IsWeekend(day) && !_extra.Contains(day) && !BankHolidays.IsEnglandAndWalesBankHoliday(day);

    /// <summary>The day itself if it is a working day, otherwise the next one.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// DOMAIN.md RT1: a subject access request is answered within one calendar month of the day it was received:
    /// the same date next month, or that month's last day if it has no such date, moved to the next working day.
    /// </summary>
    public DateOnly SubjectAccessRespondBy(DateOnly received) => OnOrAfter(received.AddMonths(1));
}
