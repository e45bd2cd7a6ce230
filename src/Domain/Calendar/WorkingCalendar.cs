using System.Globalization;

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

    /// <summary>
    /// RT1's extension for a complex request: two months more, so three calendar months from the day it was received
    /// (the same rule for a missing date and a day that is not a working day). It counts only if the person was told
    /// within the first month, that is on or before <see cref="SubjectAccessRespondBy(DateOnly)"/>.
    /// </summary>
    public DateOnly SubjectAccessRespondBy(DateOnly received, DateOnly? extensionToldOn)
    {
        if (extensionToldOn is not { } told)
        {
            return SubjectAccessRespondBy(received);
        }

        if (told < received || told > SubjectAccessRespondBy(received))
        {
            throw new Common.DomainRuleException(
                "subject-access.extension-too-late",
                string.Create(CultureInfo.InvariantCulture, $"The person must be told of an extension within the first month: from {received:d MMMM yyyy} to {SubjectAccessRespondBy(received):d MMMM yyyy}"));
        }

        return OnOrAfter(received.AddMonths(3));
    }
}
