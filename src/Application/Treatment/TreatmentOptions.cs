using CaseManager.Domain.Treatment;

namespace CaseManager.Application.Treatment;

/// <summary>
/// <c>Treatment:*</c>: the thresholds of the treatment measures (DOMAIN.md DT2, DT4). The TOP review interval is the
/// treatment schemes' review interval (<c>Reviews:IntervalDays:AdultTreatment</c>, default 182 days = 26 weeks), so
/// that reviews and their reminders have one setting.
/// </summary>
public sealed class TreatmentOptions
{
    public const string Section = "Treatment";

    /// <summary>DT4: substitute medication this many years or more is long-term.</summary>
    public int LongTermYears { get; set; } = 2;

    /// <summary>DT2: a new episode within this many days of a successful discharge is a re-presentation.</summary>
    public int RepresentationDays { get; set; } = TreatmentOutcomes.DefaultRepresentationDays;
}
