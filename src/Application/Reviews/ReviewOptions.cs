using CaseManager.Domain.Agencies;
using CaseManager.Domain.Reviews;

namespace CaseManager.Application.Reviews;

/// <summary>
/// <c>Reviews:*</c>: how often each scheme reviews its cases, and when reminders and escalations go out
/// (docs/reviews-and-reminders.md). The first review falls due one interval after the case starts; completing a
/// review schedules the next one interval after the day it took place.
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>Days between reviews, per scheme: <c>Reviews:IntervalDays:Iom=28</c>.</summary>
    public Dictionary<Scheme, int> IntervalDays { get; set; } = [];

    /// <summary>A review counts as due this many days before its due date; reminders start then.</summary>
    public int ReminderWindowDays { get; set; } = 7;

    /// <summary>While a review stays overdue, its agency's managers are told again after this many days.</summary>
    public int EscalationRepeatDays { get; set; } = 7;

    /// <summary>An exit nomination not decided within this many days is overdue and escalates (DOMAIN.md IOM6).</summary>
    public int ExitDecisionDays { get; set; } = 14;

    /// <summary>Reviews the reminder job reads and writes per round trip.</summary>
    public int JobPageSize { get; set; } = 500;

    public int IntervalFor(Scheme scheme) => IntervalDays.TryGetValue(scheme, out var days) ? days : DefaultIntervalDays(scheme);

    public DateOnly FirstReviewDue(Scheme scheme, DateOnly startDate) => ReviewSchedule.NextDue(startDate, IntervalFor(scheme));

    public DateOnly NextReviewDue(Scheme scheme, DateOnly completedOn) => ReviewSchedule.NextDue(completedOn, IntervalFor(scheme));

    /// <summary>
    /// IOM 28 days (IOM5); FIT and high-impact household family plans 6 weeks; Troubled Families 12 weeks; adult
    /// and young people's treatment TOP or outcome review 26 weeks (DT3).
    /// </summary>
    public static int DefaultIntervalDays(Scheme scheme) => scheme switch
    {
        Scheme.Iom => 28,
        Scheme.Fit or Scheme.HighImpactHousehold => 42,
        Scheme.TroubledFamilies => 84,
        Scheme.AdultTreatment or Scheme.YoungPeopleTreatment => 182,
        _ => 28,
    };
}
