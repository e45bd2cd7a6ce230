using CaseManager.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Common.Time;

/// <summary><c>Partnership:*</c>: settings that belong to the partnership as a whole.</summary>
public sealed class PartnershipOptions
{
    public const string Section = "Partnership";

    /// <summary>The time zone whose calendar decides "today" for agreements, consents and reviews.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Months after which consent must be reviewed, when no review date is given (DOMAIN.md IS7).</summary>
    public int ConsentReviewMonths { get; set; } = 12;

    /// <summary>How many hours break-glass access lasts (DOMAIN.md IS7 (3)).</summary>
    public int BreakGlassHours { get; set; } = 24;

    /// <summary>
    /// Categories whose existence a refused reader may learn of ("records held by agency X, ask them"). Health and
    /// victim-sensitive records are left out by default: even their existence is sensitive. A configured list
    /// replaces this default (see AddApplication), so it can be narrowed, to nothing at all if need be.
    /// </summary>
    public List<CaseManager.Domain.Agencies.DataCategory> DiscloseWithheldCategories { get; set; } =
    [
        CaseManager.Domain.Agencies.DataCategory.Identity,
        CaseManager.Domain.Agencies.DataCategory.Offending,
        CaseManager.Domain.Agencies.DataCategory.ChildrenSafeguarding,
        CaseManager.Domain.Agencies.DataCategory.EducationEmploymentBenefits,
    ];

    /// <summary>
    /// Days that are not working days besides weekends and the regular bank holidays of England and Wales: one-off
    /// bank holidays and the partnership's closure days (yyyy-mm-dd). Used for respond-by dates.
    /// </summary>
    public List<DateOnly> ExtraNonWorkingDays { get; set; } = [];
}

/// <summary>Now, today's date in the partnership's time zone, and the partnership's working days.</summary>
public sealed class PartnershipClock(TimeProvider clock, IOptions<PartnershipOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Working days: weekdays less bank holidays and <c>Partnership:ExtraNonWorkingDays</c>.</summary>
    public WorkingCalendar Calendar { get; } = new(options.Value.ExtraNonWorkingDays);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    public TimeZoneInfo Zone => _zone;
}
