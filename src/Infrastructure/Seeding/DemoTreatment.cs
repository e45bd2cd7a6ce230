using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// The drug and alcohol stories of the strategy page, with dates shifted so that each ends today: K, who after a
/// hospital stay and rehab completed alcohol treatment with NECA's help and is now a peer mentor; a long-term
/// methadone client moved on to a reduction prescription; a young person who completed SWITCH and was not
/// re-referred; and enough opiate clients that the long-term methadone maintenance share reads as the page says
/// today (43%, 6 of 14; it was 90% before the joint treatment centre).
/// </summary>
internal sealed class DemoTreatment(IReadOnlyDictionary<string, PersonId> people, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now)
{
    private readonly DateOnly _today = DateOnly.FromDateTime(now.UtcDateTime);
    private readonly List<Person> _people = [];
    private readonly List<Case> _cases = [];
    private readonly List<TreatmentEpisode> _episodes = [];
    private readonly List<TreatmentIntervention> _treatment = [];
    private readonly List<TopRecord> _tops = [];
    private readonly List<Intervention> _interventions = [];

    private Guid Worker => users["recovery.worker@daat.demo"];

    private Guid Manager => users["manager@daat.demo"];

    public IReadOnlyList<Person> People => _people;

    public IReadOnlyList<Case> Cases => _cases;

    public IReadOnlyList<TreatmentEpisode> Episodes => _episodes;

    public IReadOnlyList<TreatmentIntervention> TreatmentInterventions => _treatment;

    public IReadOnlyList<TopRecord> Tops => _tops;

    public IReadOnlyList<Intervention> Interventions => _interventions;

    /// <summary>The episode of a demo treatment case opened elsewhere (A's alcohol treatment, D's in the family).</summary>
    public void EpisodeFor(Case treatment, string source, TreatmentSubstance primary, TreatmentSubstance? secondary = null)
    {
        _episodes.Add(TreatmentEpisode.Open(treatment, new TreatmentDetails(
            treatment.StartDate.AddDays(-10), source, treatment.StartDate.AddDays(-3), primary, secondary, null, InjectingStatus.Never), _today, now));
        Top(treatment, TopStage.Start, treatment.StartDate.AddDays(2), new TopAnswers { AlcoholDays = 24, AlcoholUnitsPerDay = 22, PsychologicalHealth = 7, PhysicalHealth = 9, QualityOfLife = 6 });
    }

    /// <summary>K: alcohol, a hospital stay and inpatient detox, residential rehab, NECA recovery support; completed alcohol-free.</summary>
    public void Kerry()
    {
        var start = _today.AddMonths(-20);
        var kerry = Case.Open(people["Kirkbride/Kerry"], Scheme.AdultTreatment, Daat, start, Worker, At(start), _today);
        _cases.Add(kerry);
        _episodes.Add(TreatmentEpisode.Open(kerry, new TreatmentDetails(start.AddDays(-6), "Hospital (alcohol liaison nurse)", start.AddDays(-4),
            TreatmentSubstance.Alcohol, null, null, InjectingStatus.Never), _today, At(start)));
        Prescribe(kerry, TreatmentInterventionType.InpatientDetox, null, null, start, start.AddDays(10));
        Prescribe(kerry, TreatmentInterventionType.ResidentialRehab, null, null, start.AddDays(11), start.AddMonths(3));
        Prescribe(kerry, TreatmentInterventionType.Psychosocial, null, null, start.AddMonths(3), start.AddMonths(13));
        Prescribe(kerry, TreatmentInterventionType.RecoverySupport, null, null, start.AddMonths(3), start.AddMonths(14));

        // Days drinking over the last 28 and the health and quality of life scores, start to exit: the TOP chart's story.
        Top(kerry, TopStage.Start, start.AddDays(1), new TopAnswers { AlcoholDays = 28, AlcoholUnitsPerDay = 35, TobaccoDays = 28, PsychologicalHealth = 3, PhysicalHealth = 4, QualityOfLife = 2, AcuteHousingProblem = false });
        Top(kerry, TopStage.Review, start.AddMonths(6), new TopAnswers { AlcoholDays = 3, AlcoholUnitsPerDay = 10, TobaccoDays = 28, PsychologicalHealth = 9, PhysicalHealth = 10, QualityOfLife = 10 });
        Top(kerry, TopStage.Review, start.AddMonths(12), new TopAnswers { AlcoholDays = 0, TobaccoDays = 20, PsychologicalHealth = 14, PhysicalHealth = 14, QualityOfLife = 15, PaidWorkDays = 8 });
        Top(kerry, TopStage.Exit, start.AddMonths(14), new TopAnswers { AlcoholDays = 0, TobaccoDays = 14, PsychologicalHealth = 16, PhysicalHealth = 15, QualityOfLife = 17, PaidWorkDays = 16 });
        for (var week = 2; week < 58; week += 4)
        {
            Keywork(kerry, start.AddDays(week * 7), week < 12 ? "Keywork: relapse prevention and contact with her daughters." : "Keywork: sober; NECA peer support going well.");
        }

        Discharge(kerry, ExitReason.CompletedAlcoholFree, start.AddMonths(14),
            "Alcohol-free for eight months; introduced to NECA, now volunteering as a peer mentor.");
    }

    /// <summary>A long-term methadone client who, after four years on maintenance, agreed a reduction prescription three months ago.</summary>
    public void MethadoneToReduction()
    {
        var person = Register("Gary", "Hewitt", new DateOnly(1975, 2, 11), "Male", "9 Yarm Road, Darlington");
        var start = _today.AddYears(-4).AddMonths(-2);
        var gary = Open(person, start, "Self-referral", TreatmentSubstance.Heroin, TreatmentSubstance.Crack, InjectingStatus.Previously);
        var reduction = _today.AddMonths(-3);
        Prescribe(gary, TreatmentInterventionType.Pharmacological, Medication.Methadone, PrescribingMode.Maintenance, start, reduction.AddDays(-1));
        Prescribe(gary, TreatmentInterventionType.Pharmacological, Medication.Methadone, PrescribingMode.Reduction, reduction, null);
        Prescribe(gary, TreatmentInterventionType.Psychosocial, null, null, reduction, null);
        Top(gary, TopStage.Start, start.AddDays(1), new TopAnswers { OpiateDays = 26, CrackDays = 8, InjectedDays = 20, SharedNeedles = false, ShopliftingDays = 6, PsychologicalHealth = 5, PhysicalHealth = 6, QualityOfLife = 4 });
        Top(gary, TopStage.Review, _today.AddMonths(-9), new TopAnswers { OpiateDays = 4, CrackDays = 0, InjectedDays = 0, PsychologicalHealth = 10, PhysicalHealth = 11, QualityOfLife = 10 });
        Top(gary, TopStage.Review, reduction, new TopAnswers { OpiateDays = 0, CrackDays = 0, InjectedDays = 0, PsychologicalHealth = 13, PhysicalHealth = 12, QualityOfLife = 13 });
        Keywork(gary, reduction.AddDays(-7), "Agreed a methadone reduction plan: 5 ml a fortnight, with weekly keywork.");
        Keywork(gary, _today.AddDays(-10), "Reduction on track; no illicit use on tests.");
    }

    /// <summary>
    /// Thirteen more opiate clients: six on maintenance for two years or more, so 6 of the 14 opiate clients in
    /// treatment today are (43%, enough people that the partnership report need not suppress the share).
    /// </summary>
    public void OpiateCohort()
    {
        (string Given, string Family, string Gender, int MonthsIn, Medication? Medication, PrescribingMode? Mode)[] cohort =
        [
            ("Lee", "Dobson", "Male", 74, Medication.Methadone, PrescribingMode.Maintenance),
            ("Sharon", "Pallister", "Female", 41, Medication.Methadone, PrescribingMode.Maintenance),
            ("Craig", "Tweddle", "Male", 30, Medication.Buprenorphine, PrescribingMode.Maintenance),
            ("Wayne", "Storey", "Male", 52, Medication.Methadone, PrescribingMode.Maintenance),
            ("Joanne", "Bainbridge", "Female", 38, Medication.Methadone, PrescribingMode.Maintenance),
            ("Stuart", "Coulson", "Male", 27, Medication.Buprenorphine, PrescribingMode.Maintenance),
            ("Nicola", "Hope", "Female", 12, Medication.Buprenorphine, PrescribingMode.Maintenance),
            ("Dean", "Forster", "Male", 8, Medication.Methadone, PrescribingMode.Reduction),
            ("Kelly", "Nattrass", "Female", 15, Medication.Methadone, PrescribingMode.Maintenance),
            ("Ryan", "Metcalfe", "Male", 20, Medication.Methadone, PrescribingMode.Reduction),
            ("Paul", "Raine", "Male", 4, null, null),
            ("Lisa", "Hutchinson", "Female", 6, Medication.Buprenorphine, PrescribingMode.Maintenance),
            ("Mark", "Dowson", "Male", 10, null, null),
        ];
        for (var i = 0; i < cohort.Length; i++)
        {
            var (given, family, gender, monthsIn, medication, mode) = cohort[i];
            var person = Register(given, family, new DateOnly(1968 + (i * 2), 1 + (i % 12), 10), gender, null);
            var start = _today.AddMonths(-monthsIn);
            var episode = Open(person, start, monthsIn > 24 ? "Criminal justice (DIP)" : "GP", TreatmentSubstance.Heroin, null, InjectingStatus.Previously);
            if (medication is not null)
            {
                Prescribe(episode, TreatmentInterventionType.Pharmacological, medication, mode, start.AddDays(7), null);
            }

            Prescribe(episode, TreatmentInterventionType.Psychosocial, null, null, start.AddDays(7), null);
            Top(episode, TopStage.Start, start.AddDays(1), new TopAnswers { OpiateDays = 20, PsychologicalHealth = 8, PhysicalHealth = 9, QualityOfLife = 7 });
        }
    }

    /// <summary>A young person in SWITCH: cannabis and alcohol, completed drug-free nine months ago and not re-referred.</summary>
    public void SwitchYoungPerson()
    {
        var person = Register("Mia", "Coates", _today.AddYears(-16).AddDays(-90), "Female", "12 Eastbourne Road, Darlington");
        var start = _today.AddMonths(-15);
        var switchCase = Case.Open(person.Id, Scheme.YoungPeopleTreatment, AgencyCode.Parse("SWITCH"), start, users["youth.worker@switch.demo"], At(start), _today);
        _cases.Add(switchCase);
        _episodes.Add(TreatmentEpisode.Open(switchCase, new TreatmentDetails(start.AddDays(-12), "School", start.AddDays(-5),
            TreatmentSubstance.Cannabis, TreatmentSubstance.Alcohol, null, InjectingStatus.Never), _today, At(start)));
        Prescribe(switchCase, TreatmentInterventionType.Psychosocial, null, null, start, start.AddMonths(6), users["youth.worker@switch.demo"]);
        Top(switchCase, TopStage.Start, start.AddDays(1), new TopAnswers { CannabisDays = 25, AlcoholDays = 6, AlcoholUnitsPerDay = 8, EducationDays = 6, PsychologicalHealth = 8, PhysicalHealth = 14, QualityOfLife = 9 }, users["youth.worker@switch.demo"]);
        Top(switchCase, TopStage.Exit, start.AddMonths(6), new TopAnswers { CannabisDays = 0, AlcoholDays = 1, AlcoholUnitsPerDay = 3, EducationDays = 18, PsychologicalHealth = 15, PhysicalHealth = 16, QualityOfLife = 16 }, users["youth.worker@switch.demo"]);
        switchCase.NominateExit(ExitReason.CompletedDrugFree, "Six months of sessions completed; no cannabis use for two months; back in school full time.", null, users["youth.worker@switch.demo"], At(start.AddMonths(6)));
        switchCase.ApproveExit(users["manager@switch.demo"], "Agreed.", start.AddMonths(6), At(start.AddMonths(6)).AddHours(2));
        _episodes[^1].Discharge(switchCase, _treatment.Where(t => t.CaseId == switchCase.Id));
    }

    private static AgencyCode Daat => AgencyCode.Parse("DAAT");

    private Person Register(string given, string family, DateOnly born, string gender, string? address)
    {
        var person = Person.Register(new PersonDetails(given, family, born, gender, null, address), Daat, Worker, now);
        _people.Add(person);
        return person;
    }

    private Case Open(Person person, DateOnly start, string source, TreatmentSubstance primary, TreatmentSubstance? secondary, InjectingStatus injecting)
    {
        var opened = Case.Open(person.Id, Scheme.AdultTreatment, Daat, start, Worker, At(start), _today);
        _cases.Add(opened);
        _episodes.Add(TreatmentEpisode.Open(opened, new TreatmentDetails(start.AddDays(-14), source, start.AddDays(-7), primary, secondary, null, injecting), _today, At(start)));
        return opened;
    }

    private void Prescribe(Case onCase, TreatmentInterventionType type, Medication? medication, PrescribingMode? mode, DateOnly start, DateOnly? end, Guid? by = null) =>
        _treatment.Add(TreatmentIntervention.Start(onCase, type, medication, mode, start, end, by ?? Worker, _today, At(start)));

    private void Top(Case onCase, TopStage stage, DateOnly on, TopAnswers answers, Guid? by = null) =>
        _tops.Add(TopRecord.Complete(onCase, stage, on, answers, _tops.Where(t => t.CaseId == onCase.Id).ToList(), by ?? Worker, _today, At(on)));

    private void Keywork(Case onCase, DateOnly on, string notes) =>
        _interventions.Add(Intervention.Log(onCase, new InterventionDetails(InterventionType.Keywork, At(on), 45, "Attended", notes, null, null), on, Daat, Worker, now));

    private void Discharge(Case onCase, ExitReason reason, DateOnly on, string note)
    {
        onCase.NominateExit(reason, note, "Exit TOP; discharge letter to the GP.", Worker, At(on));
        onCase.ApproveExit(Manager, "Agreed: a planned, successful discharge.", on, At(on).AddHours(3));
        _episodes.Single(e => e.CaseId == onCase.Id).Discharge(onCase, _treatment.Where(t => t.CaseId == onCase.Id));
    }

    private DateTimeOffset At(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        return at > now ? now.AddMinutes(-5) : at;
    }
}
