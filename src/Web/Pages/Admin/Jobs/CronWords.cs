using System.Globalization;

namespace CaseManager.Web.Pages.Admin.Jobs;

/// <summary>
/// A recurring job's five-field cron schedule in words, such as "Every day at 07:00" or "Every Monday at 02:30". A
/// schedule of another shape is shown as it is, labelled, so the page never claims a meaning it did not work out.
/// </summary>
public static class CronWords
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static string Of(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return Raw(cron);
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (month != "*")
        {
            return Raw(cron);
        }

        if (minute.StartsWith("*/", StringComparison.Ordinal) && Number(minute[2..], 1, 59) is { } every
            && hour == "*" && dayOfMonth == "*" && dayOfWeek == "*")
        {
            return every == 1 ? "Every minute" : $"Every {every} minutes";
        }

        if (minute == "*" && hour == "*" && dayOfMonth == "*" && dayOfWeek == "*")
        {
            return "Every minute";
        }

        if (Number(minute, 0, 59) is not { } m)
        {
            return Raw(cron);
        }

        if (hour == "*" && dayOfMonth == "*" && dayOfWeek == "*")
        {
            return m == 0 ? "Every hour, on the hour" : $"Every hour at {m} {(m == 1 ? "minute" : "minutes")} past";
        }

        if (Number(hour, 0, 23) is not { } h)
        {
            return Raw(cron);
        }

        var at = $"{h:00}:{m:00}";
        return (dayOfMonth, dayOfWeek) switch
        {
            ("*", "*") => $"Every day at {at}",
            ("*", "1-5") => $"Every weekday (Monday to Friday) at {at}",
            ("*", _) when Number(dayOfWeek, 0, 7) is { } d => $"Every {Days[d % 7]} at {at}",
            (_, "*") when Number(dayOfMonth, 1, 31) is { } day => $"On day {day} of every month at {at}",
            _ => Raw(cron),
        };
    }

    private static string Raw(string cron) => $"Cron schedule {cron}";

    private static int? Number(string field, int min, int max) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
}
