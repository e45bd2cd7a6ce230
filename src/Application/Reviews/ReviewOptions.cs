using CaseManager.Domain.Agencies;

namespace CaseManager.Application.Reviews;

/// <summary>
/// <c>Reviews:*</c>: how often each scheme reviews its cases. The first review falls due one interval after the
/// case starts (DOMAIN.md IOM5 for IOM's 28 days; the other defaults are the partnership's usual practice).
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>Days between reviews, per scheme: <c>Reviews:IntervalDays:Iom=28</c>.</summary>
    public Dictionary<Scheme, int> IntervalDays { get; set; } = [];

    public int IntervalFor(Scheme scheme) => IntervalDays.TryGetValue(scheme, out var days) ? days : DefaultIntervalDays(scheme);

    public DateOnly FirstReviewDue(Scheme scheme, DateOnly startDate) => startDate.AddDays(IntervalFor(scheme));

    public static int DefaultIntervalDays(Scheme scheme) => scheme switch
    {
        Scheme.Iom => 28,
        Scheme.Fit or Scheme.HighImpactHousehold => 42,
        Scheme.TroubledFamilies => 84,
        Scheme.AdultTreatment => 182,
        Scheme.YoungPeopleTreatment => 84,
        _ => 28,
    };
}
