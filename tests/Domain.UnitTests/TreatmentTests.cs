using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;

namespace CaseManager.Domain.UnitTests;

public sealed class TreatmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateOnly Started = new(2026, 1, 5);
    private static readonly DateOnly Discharged = new(2026, 11, 2);
    private static readonly AgencyCode Daat = AgencyCode.Parse("DAAT");
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();

    private static Case TreatmentCase(Scheme scheme = Scheme.AdultTreatment) =>
        Case.Open(new PersonId(Guid.NewGuid()), scheme, Daat, Started, Worker, Now, Today);

    private static TreatmentDetails Referral(TreatmentSubstance primary = TreatmentSubstance.Heroin, TreatmentSubstance? secondary = null, TreatmentSubstance? tertiary = null) =>
        new(Started.AddDays(-10), "Self", Started.AddDays(-3), primary, secondary, tertiary, InjectingStatus.Previously);

    private static TreatmentIntervention Methadone(Case onCase, DateOnly start, DateOnly? end = null, PrescribingMode mode = PrescribingMode.Maintenance) =>
        TreatmentIntervention.Start(onCase, TreatmentInterventionType.Pharmacological, Medication.Methadone, mode, start, end, Worker, Today, Now);

    private static TreatmentIntervention Psychosocial(Case onCase, DateOnly start) =>
        TreatmentIntervention.Start(onCase, TreatmentInterventionType.Psychosocial, null, null, start, null, Worker, Today, Now);

    [Fact]
    public void Open_ForATreatmentCase_IsHealthDataOwnedByTheCaseAgency()
    {
        var onCase = TreatmentCase();

        var episode = TreatmentEpisode.Open(onCase, Referral(TreatmentSubstance.Alcohol, TreatmentSubstance.Heroin), Today, Now);

        episode.CaseId.Should().Be(onCase.Id);
        episode.OwnerAgency.Should().Be(Daat);
        episode.DataCategory.Should().Be(DataCategory.HealthSubstanceMisuse);
        episode.OpiateClient.Should().BeTrue("an opiate among any of the substances makes an opiate client");
        episode.Service.Should().Be(Scheme.AdultTreatment);
    }

    [Fact]
    public void Open_ForAnIomCase_IsRejected()
    {
        var iom = Case.OpenIom(new PersonId(Guid.NewGuid()), Daat, Started, null, new IomDetails("Fixed", null, "Panel", null, null, false, false, null), null, Now, Today);

        var act = () => TreatmentEpisode.Open(iom, Referral(), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("treatment.not-treatment-case");
    }

    [Theory]
    [InlineData(TreatmentSubstance.Alcohol, TreatmentSubstance.Alcohol, null, "treatment.substance-repeated")]
    [InlineData(TreatmentSubstance.Alcohol, null, TreatmentSubstance.Crack, "treatment.tertiary-without-secondary")]
    public void Open_WithSubstancesThatDoNotFit_IsRejected(TreatmentSubstance primary, TreatmentSubstance? secondary, TreatmentSubstance? tertiary, string code)
    {
        var act = () => TreatmentEpisode.Open(TreatmentCase(), Referral(primary, secondary, tertiary), Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Open_WithTriageBeforeReferral_IsRejected()
    {
        var details = Referral() with { TriageDate = Started.AddDays(-20) };

        var act = () => TreatmentEpisode.Open(TreatmentCase(), details, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("treatment.triage-date");
    }

    [Theory]
    [InlineData(TreatmentInterventionType.Psychosocial, Medication.Methadone, null, "treatment-intervention.medication")]
    [InlineData(TreatmentInterventionType.Pharmacological, null, null, "treatment-intervention.medication-required")]
    [InlineData(TreatmentInterventionType.Pharmacological, Medication.Methadone, null, "treatment-intervention.mode-required")]
    [InlineData(TreatmentInterventionType.Pharmacological, Medication.Acamprosate, PrescribingMode.Reduction, "treatment-intervention.mode")]
    public void StartIntervention_WithDetailsThatDoNotFit_IsRejected(TreatmentInterventionType type, Medication? medication, PrescribingMode? mode, string code)
    {
        var act = () => TreatmentIntervention.Start(TreatmentCase(), type, medication, mode, Started, null, Worker, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void End_Twice_IsRejected()
    {
        var onCase = TreatmentCase();
        var script = Methadone(onCase, Started);
        script.End(onCase, Started.AddDays(30), Today);

        var act = () => script.End(onCase, Started.AddDays(40), Today);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("treatment-intervention.already-ended");
        script.EndDate.Should().Be(Started.AddDays(30));
    }

    [Fact]
    public void End_BeforeItStarted_IsRejected()
    {
        var onCase = TreatmentCase();
        var script = Methadone(onCase, Started.AddDays(10));

        var act = () => script.End(onCase, Started.AddDays(9), Today);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("treatment-intervention.end-before-start");
    }

    public static TheoryData<string, ExitReason, TreatmentSubstance[], string, bool> Completions => new()
    {
        { "non-opiate completing", ExitReason.CompletedAlcoholFree, [TreatmentSubstance.Alcohol], "none", true },
        { "opiate client, no medication", ExitReason.CompletedDrugFree, [TreatmentSubstance.Heroin], "none", true },
        { "opiate client, methadone open at exit", ExitReason.CompletedDrugFree, [TreatmentSubstance.Heroin], "open", false },
        { "opiate client, methadone ending on the discharge date", ExitReason.CompletedDrugFree, [TreatmentSubstance.Heroin], "ends-on-discharge", true },
        { "opiate client, methadone ending the day after discharge", ExitReason.CompletedDrugFree, [TreatmentSubstance.Heroin], "ends-after-discharge", false },
        { "opiate client, methadone ended before", ExitReason.CompletedOccasionalUser, [TreatmentSubstance.Heroin], "ended-before", true },
        { "two substances, one opiate, on methadone", ExitReason.CompletedAlcoholFree, [TreatmentSubstance.Alcohol, TreatmentSubstance.Heroin], "open", false },
        { "two substances, none opiate, on methadone", ExitReason.CompletedAlcoholFree, [TreatmentSubstance.Alcohol, TreatmentSubstance.Cocaine], "open", true },
        { "opiate client, psychosocial only open", ExitReason.CompletedDrugFree, [TreatmentSubstance.Buprenorphine], "psychosocial", true },
        { "dropped out", ExitReason.DroppedOut, [TreatmentSubstance.Alcohol], "none", false },
        { "transferred in custody", ExitReason.TransferredInCustody, [TreatmentSubstance.Heroin], "ended-before", false },
    };

    [Theory]
    [MemberData(nameof(Completions))]
    public void IsSuccessfulCompletion_FollowsDt2(string example, ExitReason reason, TreatmentSubstance[] substances, string medication, bool successful)
    {
        var onCase = TreatmentCase();
        TreatmentIntervention[] interventions = medication switch
        {
            "open" => [Methadone(onCase, Started)],
            "ends-on-discharge" => [Methadone(onCase, Started, Discharged)],
            "ends-after-discharge" => [Methadone(onCase, Started, Discharged.AddDays(1))],
            "ended-before" => [Methadone(onCase, Started, Discharged.AddDays(-30))],
            "psychosocial" => [Psychosocial(onCase, Started)],
            _ => [],
        };

        var result = TreatmentOutcomes.IsSuccessfulCompletion(reason, substances, interventions, Discharged);

        result.Should().Be(successful, example);
    }

    [Fact]
    public void Discharge_OnApprovedExit_RecordsReasonDateAndCompletion()
    {
        var onCase = TreatmentCase();
        var episode = TreatmentEpisode.Open(onCase, Referral(TreatmentSubstance.Heroin), Today, Now);
        var script = Methadone(onCase, Started, Discharged);
        onCase.NominateExit(ExitReason.CompletedDrugFree, "Completed", null, Worker, Now);
        onCase.ApproveExit(Manager, null, Discharged, Now);

        episode.Discharge(onCase, [script]);

        episode.DischargedOn.Should().Be(Discharged);
        episode.DischargeReason.Should().Be(ExitReason.CompletedDrugFree);
        episode.SuccessfulCompletion.Should().BeTrue();
    }

    [Fact]
    public void Discharge_BeforeTheExitIsApproved_IsRejected()
    {
        var onCase = TreatmentCase();
        var episode = TreatmentEpisode.Open(onCase, Referral(), Today, Now);
        onCase.NominateExit(ExitReason.DroppedOut, "Stopped attending", null, Worker, Now);

        var act = () => episode.Discharge(onCase, []);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("treatment.not-exited");
    }

    [Theory]
    [InlineData(Scheme.AdultTreatment, ExitReason.CompletedDrugFree, true)]
    [InlineData(Scheme.YoungPeopleTreatment, ExitReason.Died, true)]
    [InlineData(Scheme.AdultTreatment, ExitReason.SustainedProgress, false)]
    [InlineData(Scheme.Iom, ExitReason.CompletedDrugFree, false)]
    [InlineData(Scheme.Fit, ExitReason.DroppedOut, false)]
    public void ExitReasons_ForTreatmentSchemes_AreTheDt2DischargeReasons(Scheme scheme, ExitReason reason, bool accepted) =>
        ExitReasons.For(scheme).Contains(reason).Should().Be(accepted);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(181, true)]
    [InlineData(182, false)]
    [InlineData(-1, false)]
    public void IsRepresentation_CountsTheDaysAfterDischarge(int daysAfter, bool representation) =>
        TreatmentOutcomes.IsRepresentation(Discharged, Discharged.AddDays(daysAfter)).Should().Be(representation);

    [Theory]
    [InlineData(true, 100, null, null)]
    [InlineData(true, 181, null, null)]
    [InlineData(true, 182, null, false)]
    [InlineData(true, 200, 181, true)]
    [InlineData(true, 200, 182, false)]
    [InlineData(false, 400, 10, null)]
    public void Representation_IsKnownOnceANewEpisodeStartsOrTheWindowPasses(bool successful, int todayAfter, int? newEpisodeAfter, bool? expected)
    {
        DateOnly[] later = newEpisodeAfter is { } days ? [Discharged.AddDays(days)] : [];

        var result = TreatmentOutcomes.Representation(successful, Discharged, later, Discharged.AddDays(todayAfter));

        result.Should().Be(expected);
    }

    [Theory]
    [InlineData(PrescribingMode.Maintenance, 731, true)]
    [InlineData(PrescribingMode.Maintenance, 730, true)]
    [InlineData(PrescribingMode.Maintenance, 729, false)]
    [InlineData(PrescribingMode.Reduction, 900, false)]
    public void OnLongTermMaintenance_NeedsTwoYearsOfMaintenance(PrescribingMode mode, int daysBefore, bool expected)
    {
        var asOf = new DateOnly(2026, 11, 1);
        var onCase = Case.Open(new PersonId(Guid.NewGuid()), Scheme.AdultTreatment, Daat, asOf.AddDays(-daysBefore), Worker, Now, Today);
        var script = Methadone(onCase, asOf.AddDays(-daysBefore), mode: mode);

        TreatmentOutcomes.OnLongTermMaintenance([script], asOf, longTermYears: 2).Should().Be(expected);
    }

    [Fact]
    public void CompleteTop_ReviewWithoutAStart_IsRejected()
    {
        var onCase = TreatmentCase();

        var act = () => TopRecord.Complete(onCase, TopStage.Review, Today, new TopAnswers(), [], Worker, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("top.no-start");
    }

    [Theory]
    [InlineData(TopStage.Start, false)]
    [InlineData(TopStage.Review, true)]
    [InlineData(TopStage.Exit, true)]
    [InlineData(TopStage.PostTreatment, false)]
    public void RequiresStart_IsTrueForReviewAndExitOnly(TopStage stage, bool expected)
    {
        // DT3: a review (or exit) TOP counts only against a start TOP; the TOP pages ask this before the check page.
        TopRecord.RequiresStart(stage).Should().Be(expected);
    }

    [Fact]
    public void CompleteTop_ExitAfterAStart_IsRecordedWithUnansweredFields()
    {
        var onCase = TreatmentCase();
        var start = TopRecord.Complete(onCase, TopStage.Start, Started, new TopAnswers { OpiateDays = 28, QualityOfLife = 4 }, [], Worker, Today, Now);

        var exit = TopRecord.Complete(onCase, TopStage.Exit, Today, new TopAnswers { OpiateDays = 0 }, [start], Worker, Today, Now);

        exit.Answers.OpiateDays.Should().Be(0);
        exit.Answers.QualityOfLife.Should().BeNull("not answered");
        exit.DataCategory.Should().Be(DataCategory.HealthSubstanceMisuse);
    }

    [Theory]
    [InlineData(29, null)]
    [InlineData(-1, null)]
    [InlineData(null, 21)]
    public void CompleteTop_OutOfRange_IsRejected(int? days, int? score)
    {
        var answers = new TopAnswers { CrackDays = days, PhysicalHealth = score };

        var act = () => TopRecord.Complete(TreatmentCase(), TopStage.Start, Today, answers, [], Worker, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("top.range");
    }

    [Fact]
    public void CompleteTop_ASecondStart_IsRejected()
    {
        var onCase = TreatmentCase();
        var start = TopRecord.Complete(onCase, TopStage.Start, Started, new TopAnswers(), [], Worker, Today, Now);

        var act = () => TopRecord.Complete(onCase, TopStage.Start, Today, new TopAnswers(), [start], Worker, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("top.start-exists");
    }

    private static Case Discharge(Case onCase)
    {
        onCase.NominateExit(ExitReason.CompletedDrugFree, "Completed", null, Worker, Now);
        onCase.ApproveExit(Manager, null, Discharged, Now);
        return onCase;
    }

    [Theory]
    [InlineData(TopStage.PostTreatment, false, 0, null)]
    [InlineData(TopStage.PostTreatment, false, -1, "top.before-discharge")]
    [InlineData(TopStage.PostTreatment, true, 0, "top.not-discharged")]
    [InlineData(TopStage.Review, false, 0, "case.already-exited")]
    [InlineData(TopStage.Exit, false, 0, "case.already-exited")]
    public void CompleteTop_PostTreatmentOnlyAfterTheDischarge(TopStage stage, bool open, int daysAfterDischarge, string? refusal)
    {
        var onCase = TreatmentCase();
        var start = TopRecord.Complete(onCase, TopStage.Start, Started, new TopAnswers { AlcoholDays = 20 }, [], Worker, Today, Now);
        if (!open)
        {
            Discharge(onCase);
        }

        var act = () => TopRecord.Complete(onCase, stage, Discharged.AddDays(daysAfterDischarge), new TopAnswers { AlcoholDays = 0 }, [start], Worker, Today, Now);

        if (refusal is null)
        {
            act().Stage.Should().Be(TopStage.PostTreatment);
        }
        else
        {
            act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(refusal);
        }
    }
}
