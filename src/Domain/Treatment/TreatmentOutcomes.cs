using CaseManager.Domain.Cases;

namespace CaseManager.Domain.Treatment;

/// <summary>The outcome rules of DOMAIN.md DT2 and DT4, as pure functions so that tests and reports share them.</summary>
public static class TreatmentOutcomes
{
    /// <summary>DT2: the default window after a successful discharge in which a new episode is a re-presentation.</summary>
    public const int DefaultRepresentationDays = 182;

    /// <summary>
    /// DT2: a completion reason, unless the client is an opiate client (any opiate among their substances) still on
    /// substitute medication at exit: a methadone or buprenorphine prescription not ended, or ending after the
    /// discharge date. One ending on the discharge date has ended by exit.
    /// </summary>
    public static bool IsSuccessfulCompletion(ExitReason reason, IEnumerable<TreatmentSubstance> substances, IEnumerable<TreatmentIntervention> interventions, DateOnly dischargedOn)
    {
        if (!ExitReasons.IsCompletion(reason))
        {
            return false;
        }

        var opiateClient = substances.Any(TreatmentTerms.IsOpiate);
        return !opiateClient || !interventions.Any(i => i.IsSubstitute && i.StartDate <= dischargedOn && (i.EndDate is null || i.EndDate > dischargedOn));
    }

    /// <summary>
    /// DT2: a new episode that starts within <paramref name="windowDays"/> days of a successful discharge is a
    /// re-presentation: 0 to windowDays − 1 days after the discharge date (so with 182, day 181 is, day 182 is not).
    /// </summary>
    public static bool IsRepresentation(DateOnly dischargedOn, DateOnly newEpisodeStart, int windowDays = DefaultRepresentationDays)
    {
        var days = newEpisodeStart.DayNumber - dischargedOn.DayNumber;
        return days >= 0 && days < windowDays;
    }

    /// <summary>
    /// Whether a discharged episode re-presented (DT2): null for an episode not successfully discharged, and while
    /// the window is still open with no new episode yet; true once a new episode started within it; false once the
    /// window has passed without one (sustained success).
    /// </summary>
    public static bool? Representation(bool? successfulCompletion, DateOnly? dischargedOn, IEnumerable<DateOnly> laterEpisodeStarts, DateOnly today, int windowDays = DefaultRepresentationDays)
    {
        if (successfulCompletion != true || dischargedOn is not { } discharged)
        {
            return null;
        }

        if (laterEpisodeStarts.Any(start => IsRepresentation(discharged, start, windowDays)))
        {
            return true;
        }

        return today.DayNumber - discharged.DayNumber >= windowDays ? false : null;
    }

    /// <summary>
    /// DT4: an opiate client on long-term substitute medication on a day: a methadone or buprenorphine maintenance
    /// prescription running that day that started at least <paramref name="longTermYears"/> years before.
    /// </summary>
    public static bool OnLongTermMaintenance(IEnumerable<TreatmentIntervention> interventions, DateOnly asOf, int longTermYears) =>
        interventions.Any(i => i.IsSubstitute && i.Mode == PrescribingMode.Maintenance && i.IsRunningOn(asOf) && i.StartDate <= asOf.AddYears(-longTermYears));
}
