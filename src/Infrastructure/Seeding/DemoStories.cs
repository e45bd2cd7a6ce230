using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// The two IOM stories of the partnership's strategy page, with their dates shifted so that each ends today:
/// A, an adult with 14 offences in two years, mostly while drunk, now nominated for exit after 8 months of
/// excellent progress; and T, who worked with IOM through a custodial sentence into release.
/// </summary>
internal sealed class DemoStories(IReadOnlyDictionary<string, PersonId> people, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now)
{
    private readonly DateOnly _today = DateOnly.FromDateTime(now.UtcDateTime);
    private readonly List<Intervention> _interventions = [];
    private readonly List<Offence> _offences = [];

    public IReadOnlyList<Intervention> Interventions => _interventions;

    public IReadOnlyList<Offence> Offences => _offences;

    /// <summary>A: police IOM case 8 months old, one lapse, completed alcohol treatment, a work trial, nominated for exit.</summary>
    public Case Adam(Case treatment)
    {
        var person = people["Ashby/Adam"];
        var start = _today.AddMonths(-8);
        var officer = users["iom.officer@police.demo"];
        var iom = Case.OpenIom(person, Police, start, officer,
            new IomDetails("Flex", "Amber", "14 offences in the last two years, most committed while drunk: a local priority for alcohol-related disorder.",
                "Local matrix 31 (high)", "Tasking panel agreed selection; alcohol is the driver. Refer to DAAT for alcohol treatment.", false, false, 72m),
            null, At(start, 10), _today);

        // Fourteen offences in the two years before selection, mostly drink-related.
        string[] before =
        [
            "DrunkAndDisorderly", "CriminalDamage", "DrunkAndDisorderly", "CommonAssault", "Theft", "DrunkAndDisorderly", "PublicOrder",
            "CriminalDamage", "CommonAssault", "DrunkAndDisorderly", "Theft", "CriminalDamage", "CommonAssault", "DrunkAndDisorderly",
        ];
        for (var i = 0; i < before.Length; i++)
        {
            var committed = start.AddDays(-728 + (i * 52));
            Offence(person, before[i], committed, committed.AddDays(35), i % 3 == 0 ? "Fine" : "Community order", "POLICE", officer);
        }

        // The one lapse, three months in.
        Offence(person, "DrunkAndDisorderly", start.AddMonths(3).AddDays(4), start.AddMonths(3).AddDays(30), "Conditional discharge", "POLICE", officer);

        for (var week = 1; week < 34; week += 3)
        {
            var type = week % 2 == 0 ? InterventionType.HomeVisit : InterventionType.OfficeAppointment;
            Log(iom, type, start.AddDays(week * 7), 11, 45, "Attended", week < 12 ? "Reviewed drinking and triggers; agreed to attend DAAT sessions." : "Good engagement; sober, keeping appointments.", "POLICE", officer);
        }

        Log(iom, InterventionType.Arrest, start.AddMonths(3).AddDays(4), 23, null, "Arrested", "Drunk and disorderly in the town centre: the one lapse since selection.", "POLICE", officer);
        Log(iom, InterventionType.PhoneContact, start.AddMonths(3).AddDays(6), 9, 15, "Contacted", "Spoke after the lapse; agreed a relapse plan with DAAT.", "POLICE", officer);
        Log(iom, InterventionType.EmploymentSupport, start.AddMonths(6).AddDays(10), 9, 480, "Work trial started", "Two-week work trial with a local builders' merchant.", "POLICE", officer);
        Log(iom, InterventionType.EmploymentSupport, start.AddMonths(7), 14, 30, "Offered a job", "Work trial went well; offered a permanent post.", "POLICE", officer);

        // The alcohol treatment belongs to DAAT's own case: health data that police see only as the rules allow.
        var recoveryWorker = users["recovery.worker@daat.demo"];
        for (var session = 0; session < 10; session++)
        {
            Log(treatment, InterventionType.AlcoholTreatmentSession, start.AddMonths(1).AddDays(session * 14), 14, 90,
                session == 9 ? "Completed the programme" : "Attended", session == 9 ? "Completed alcohol treatment; moving to peer support." : "Group session.", "DAAT", recoveryWorker);
        }

        iom.NominateExit(ExitReason.SustainedProgress,
            "Eight months of excellent progress: one lapse in month three, none since; completed alcohol treatment; in work after a successful work trial.",
            "No offending for almost five months; DAAT completion letter; employer reference.",
            officer, now.AddDays(-6));
        iom.ScheduleNextReview(_today.AddDays(9));
        return iom;
    }

    /// <summary>T: probation IOM case through custody, a restorative justice conference, release, clean tests and a course.</summary>
    public Case Tom()
    {
        var person = people["Tindall/Tom"];
        var start = _today.AddMonths(-14);
        var manager = users["offender.manager@probation.demo"];
        var officer = users["iom.officer@police.demo"];
        var iom = Case.OpenIom(person, Probation, start, manager,
            new IomDetails("Fixed", "Red", "Prolific burglar: five neighbourhood crimes in the year before sentence.", "OGRS 78%",
                "Selected on sentence so that IOM work starts in custody and prepares release.", false, true, 68m),
            new CustodyStatus(true, "HMP Holme House", start.AddMonths(9)), At(start, 10), _today);

        string[] before = ["BurglaryDwelling", "Theft", "BurglaryDwelling", "VehicleCrime", "BurglaryDwelling"];
        for (var i = 0; i < before.Length; i++)
        {
            var committed = start.AddDays(-330 + (i * 60));
            Offence(person, before[i], committed, start.AddDays(-20), "Custodial sentence", "POLICE", officer);
        }

        for (var month = 1; month <= 8; month++)
        {
            Log(iom, InterventionType.PrisonVisit, start.AddMonths(month), 10, 60, "Visited", month < 8 ? "Sentence plan work in custody." : "Release preparation: accommodation and licence conditions agreed.", "PROBATION", manager);
        }

        Log(iom, InterventionType.PrisonVisit, start.AddMonths(6).AddDays(3), 14, 45, "Visited", "IOM police officer met him with his offender manager ahead of release.", "POLICE", officer);
        Log(iom, InterventionType.RestorativeJusticeConference, start.AddMonths(7).AddDays(2), 10, 120, "Completed", "Met the victim of one of his burglaries; apologised and answered her questions.", "PROBATION", manager);

        var released = start.AddMonths(9);
        iom.UpdateIom(iom.Iom!, CustodyStatus.InCommunity);
        for (var test = 0; test < 4; test++)
        {
            var details = new InterventionDetails(InterventionType.DrugTest, At(released.AddDays(7 + (test * 28)), 11), 10, "Negative", "Routine test on licence.", DrugTestResult.Negative, null);
            _interventions.Add(Intervention.Log(iom, details, released.AddDays(7 + (test * 28)), Probation, manager, now));
        }

        for (var week = 0; week < 10; week++)
        {
            Log(iom, week % 3 == 0 ? InterventionType.HomeVisit : InterventionType.OfficeAppointment, released.AddDays(3 + (week * 14)), 15, 40, "Attended", "Licence supervision; settled in approved premises.", "PROBATION", manager);
        }

        Log(iom, InterventionType.CourseAttendance, released.AddMonths(2), 9, 360, "Started", "Place on a manufacturing skills course.", "PROBATION", manager);
        Log(iom, InterventionType.CourseAttendance, _today.AddDays(-12), 9, 360, "Attending well", "Course tutor reports full attendance.", "PROBATION", manager);
        iom.ScheduleNextReview(_today.AddDays(-3));
        return iom;
    }

    private static AgencyCode Police => AgencyCode.Parse("POLICE");

    private static AgencyCode Probation => AgencyCode.Parse("PROBATION");

    private DateTimeOffset At(DateOnly day, int hour)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
        return at > now ? now.AddMinutes(-5) : at;
    }

    private void Log(Case onCase, InterventionType type, DateOnly day, int hour, int? minutes, string outcome, string notes, string agency, Guid worker)
    {
        if (day > _today)
        {
            return;
        }

        var details = new InterventionDetails(type, At(day, hour), minutes, outcome, notes, null, null);
        _interventions.Add(Intervention.Log(onCase, details, day, AgencyCode.Parse(agency), worker, now));
    }

    private void Offence(PersonId person, string type, DateOnly committed, DateOnly? convicted, string outcome, string agency, Guid worker) =>
        _offences.Add(Domain.Offending.Offence.Record(person, type, committed, convicted <= _today ? convicted : null, outcome, AgencyCode.Parse(agency), worker, now, _today));
}
