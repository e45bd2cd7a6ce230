using System.Globalization;
using CaseManager.Application.Common.Time;

namespace CaseManager.Web.Pages;

/// <summary>
/// Dates and times as people in the partnership read them: in its time zone (Europe/London unless configured
/// otherwise), never in UTC, and in English whatever the server's culture.
/// </summary>
public sealed class LocalTime(PartnershipClock clock)
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public DateOnly Today => clock.Today;

    /// <summary>"09:00 on 27 November".</summary>
    public string TimeOnDay(DateTimeOffset at) => Local(at).ToString("HH:mm 'on' d MMMM", English);

    /// <summary>"26 Nov 2026, 09:00", for tables.</summary>
    public string DateAndTime(DateTimeOffset at) => Local(at).ToString("d MMM yyyy, HH:mm", English);

    /// <summary>"2026-11-26T09:00:00+00:00": the local time with its offset, for files that programs read.</summary>
    public string Iso(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", English);

    /// <summary>"26 November 2026", the day in the partnership's time zone.</summary>
    public string DateOf(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy", English);

    /// <summary>"26 November 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string? Date(DateOnly? date) => date is { } day ? Date(day) : null;

    private DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime;
}
