using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.People;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reviews.CompleteReview;
using CaseManager.Application.Treatment;
using CaseManager.Application.Treatment.EndTreatmentIntervention;
using CaseManager.Application.Treatment.ListTops;
using CaseManager.Application.Treatment.ListTreatmentInterventions;
using CaseManager.Application.Treatment.RecordTop;
using CaseManager.Application.Treatment.StartTreatmentIntervention;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Treatment;
using CaseManager.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>Treatment episodes (DOMAIN.md DT1–DT4) through the mediator pipeline and a real database.</summary>
public sealed class TreatmentCaseTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    public const string DaatManager = "manager@daat.demo";

    private static DateOnly Today => DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    public static OpenCaseCommand TreatmentCase(Guid personId, DateOnly start, TreatmentSubstance primary = TreatmentSubstance.Heroin, TreatmentSubstance? secondary = null,
        Scheme scheme = Scheme.AdultTreatment) =>
        new(scheme, new PersonId(personId), start,
            Referral: new ReferralInput(start.AddDays(-7), "GP"), TriageDate: start.AddDays(-2),
            Substances: new SubstancesInput(primary, secondary), InjectingStatus: InjectingStatus.Previously);

    private async Task<Guid> PersonAsync(string familyName) =>
        (await factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new RegisterPersonCommand("Treatment", familyName, new DateOnly(1985, 3, 1)))).Id;

    private async Task<CaseView> OpenAsync(string familyName, DateOnly? start = null, TreatmentSubstance primary = TreatmentSubstance.Heroin) =>
        await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, TreatmentCase(await PersonAsync(familyName), start ?? Today.AddDays(-120), primary));

    private Task<TreatmentInterventionView> MethadoneAsync(CaseView onCase, DateOnly start, DateOnly? end = null) =>
        factory.SendAsAsync<TreatmentInterventionView>(DemoUsers.DaatWorker, new StartTreatmentInterventionCommand(
            new CaseId(onCase.Id), TreatmentInterventionType.Pharmacological, start, Medication.Methadone, PrescribingMode.Maintenance, end));

    private Task<TopRecordView> TopAsync(CaseView onCase, TopStage stage, DateOnly on, TopAnswers? answers = null) =>
        factory.SendAsAsync<TopRecordView>(DemoUsers.DaatWorker, new RecordTopCommand(new CaseId(onCase.Id), stage, on, answers ?? new TopAnswers { OpiateDays = 20 }));

    private async Task<CaseView> DischargeAsync(CaseView onCase, ExitReason reason, DateOnly on)
    {
        await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new NominateExitCommand(new CaseId(onCase.Id), reason, "Discharge"));
        return await factory.SendAsAsync<CaseView>(DaatManager, new ApproveExitCommand(new CaseId(onCase.Id), null, on));
    }

    [Fact]
    public async Task OpenCase_ForTreatment_SavesItsEpisodeAsHealthDataOfTheOwningAgency()
    {
        var opened = await OpenAsync("Episode", primary: TreatmentSubstance.Alcohol);

        opened.Treatment.Should().NotBeNull();
        opened.Treatment!.PrimarySubstance.Should().Be("Alcohol");
        opened.Treatment.ReferralSource.Should().Be("GP");
        opened.Treatment.CareCoordinator.Should().Be(opened.AllocatedTo);
        opened.Treatment.OpiateClient.Should().BeFalse();
        var stored = await factory.QueryDbAsync(db => db.TreatmentEpisodes.SingleAsync(e => e.CaseId == new CaseId(opened.Id)));
        stored.DataCategory.Should().Be(DataCategory.HealthSubstanceMisuse);
        stored.OwnerAgency.Value.Should().Be("DAAT");
        var read = await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new GetCaseQuery(new CaseId(opened.Id)));
        read.Treatment!.InjectingStatus.Should().Be("Previously");
    }

    [Fact]
    public async Task OpenCase_ForTreatmentWithoutItsFields_IsRejectedAndSavesNothing()
    {
        var person = await PersonAsync("Missing");

        var act = () => factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new OpenCaseCommand(Scheme.AdultTreatment, new PersonId(person), Today));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).ToList();
        errors.Should().Contain(["Referral", "Substances", "InjectingStatus"]);
        (await factory.QueryDbAsync(db => db.Cases.AnyAsync(c => c.PersonId == new PersonId(person)))).Should().BeFalse();
    }

    [Fact]
    public async Task OpenCase_ForAnotherSchemeWithTreatmentFields_IsRejected()
    {
        var person = await PersonAsync("WrongScheme");
        var command = TreatmentCase(person, Today) with { Scheme = Scheme.Fit };

        var act = () => factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, command);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().Contain("Referral");
    }

    [Fact]
    public async Task RecordTop_ReviewWithoutAStart_IsRefusedAndSavesNothing()
    {
        var opened = await OpenAsync("NoStart");

        var act = () => TopAsync(opened, TopStage.Review, Today);

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("top.no-start");
        (await factory.QueryDbAsync(db => db.TopRecords.AnyAsync(t => t.CaseId == new CaseId(opened.Id)))).Should().BeFalse();
    }

    [Fact]
    public async Task RecordTop_OutOfRange_IsAValidationErrorKeyedByTheAnswer()
    {
        var opened = await OpenAsync("Range");

        var act = () => TopAsync(opened, TopStage.Start, Today, new TopAnswers { CrackDays = 29, QualityOfLife = 21 });

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(["CrackDays", "QualityOfLife"]);
    }

    [Fact]
    public async Task CompleteReview_OnATreatmentCaseWithoutAnyTop_IsRecordedWithItsNoteAndSchedulesTheNextOne()
    {
        // DT3: a TOP review falls due through the shared review engine; when the TOP could not be done (the client did
        // not attend, declined) the review is still recorded, with a note, and no TOP is created or demanded.
        var opened = await OpenAsync("NoTopReview", Today.AddDays(-200));
        var due = await factory.QueryDbAsync(db => db.Reviews.SingleAsync(r => r.CaseId == new CaseId(opened.Id) && r.Kind == ReviewKind.Scheme && r.Status == ReviewStatus.Open));

        var completed = await factory.SendAsAsync<CompletedReview>(DemoUsers.DaatWorker,
            new CompleteReviewCommand(due.Id, Today.AddDays(-3), "Client did not attend; TOP to be completed at the next appointment"));

        completed.NextReviewDue.Should().BeOnOrAfter(Today.AddDays(-3 + 182), "the next TOP review is one interval (26 weeks) later");
        var stored = await factory.QueryDbAsync(db => db.Reviews.SingleAsync(r => r.Id == due.Id));
        stored.Status.Should().Be(ReviewStatus.Completed);
        stored.Summary.Should().StartWith("Client did not attend");
        (await factory.QueryDbAsync(db => db.TopRecords.CountAsync(t => t.CaseId == new CaseId(opened.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task RecordTop_AReview_CompletesTheDueReviewAndSchedulesTheNextOneIntervalLater()
    {
        var opened = await OpenAsync("Reviewed", Today.AddDays(-200));
        await TopAsync(opened, TopStage.Start, Today.AddDays(-200));

        await TopAsync(opened, TopStage.Review, Today.AddDays(-10), new TopAnswers { OpiateDays = 2, QualityOfLife = 14 });

        var reviews = await factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == new CaseId(opened.Id) && r.Kind == ReviewKind.Scheme).ToListAsync());
        reviews.Should().ContainSingle(r => r.Status == ReviewStatus.Completed && r.CompletedOn == Today.AddDays(-10));
        var next = reviews.Single(r => r.Status == ReviewStatus.Open);
        next.DueOn.Should().BeOnOrAfter(Today.AddDays(-10 + 182), "the adult TOP review interval is 26 weeks");
        next.DueOn.Should().BeOnOrBefore(Today.AddDays(-10 + 182 + 4), "moved at most to the next working day");
        var tops = await factory.SendAsAsync<IReadOnlyList<TopRecordView>>(DemoUsers.DaatWorker, new ListTopsQuery(new CaseId(opened.Id)));
        tops.Select(t => t.Stage).Should().Equal("Start", "Review");
        tops[1].Answers.QualityOfLife.Should().Be(14);
        tops[1].Answers.CrackDays.Should().BeNull("not answered");
    }

    [Fact]
    public async Task Discharge_CompletedAfterMethadoneEnded_IsASuccessfulCompletion()
    {
        var opened = await OpenAsync("Completed", Today.AddDays(-300));
        var script = await MethadoneAsync(opened, Today.AddDays(-290));
        await factory.SendAsAsync<TreatmentInterventionView>(DemoUsers.DaatWorker, new EndTreatmentInterventionCommand(
            new CaseId(opened.Id), new TreatmentInterventionId(script.Id), Today.AddDays(-20)));

        var exited = await DischargeAsync(opened, ExitReason.CompletedDrugFree, Today.AddDays(-20));

        exited.SuccessfulCompletion.Should().BeTrue("the methadone prescription ended on the discharge date");
        exited.Representation.Should().BeNull("the 182 days have not passed");
        exited.Treatment!.DischargeReason.Should().Be("CompletedDrugFree");
        var stored = await factory.QueryDbAsync(db => db.TreatmentEpisodes.SingleAsync(e => e.CaseId == new CaseId(opened.Id)));
        stored.SuccessfulCompletion.Should().BeTrue();
        stored.DischargedOn.Should().Be(Today.AddDays(-20));
    }

    [Fact]
    public async Task Discharge_CompletedWhileStillOnMethadone_IsNotASuccessfulCompletion()
    {
        var opened = await OpenAsync("StillScripted", Today.AddDays(-300));
        await MethadoneAsync(opened, Today.AddDays(-290));

        var exited = await DischargeAsync(opened, ExitReason.CompletedDrugFree, Today.AddDays(-1));

        exited.SuccessfulCompletion.Should().BeFalse();
    }

    [Fact]
    public async Task RecordTop_AfterTheDischarge_IsOnlyThePostTreatmentTop()
    {
        var opened = await OpenAsync("AfterCare", Today.AddDays(-300), TreatmentSubstance.Alcohol);
        await TopAsync(opened, TopStage.Start, Today.AddDays(-300), new TopAnswers { AlcoholDays = 28 });
        var tooEarly = () => TopAsync(opened, TopStage.PostTreatment, Today.AddDays(-50));
        (await tooEarly.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("top.not-discharged");
        await DischargeAsync(opened, ExitReason.CompletedAlcoholFree, Today.AddDays(-40));

        var review = () => TopAsync(opened, TopStage.Review, Today.AddDays(-5));
        var beforeDischarge = () => TopAsync(opened, TopStage.PostTreatment, Today.AddDays(-41));
        var after = await TopAsync(opened, TopStage.PostTreatment, Today.AddDays(-5), new TopAnswers { AlcoholDays = 1 });

        (await review.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("case.already-exited");
        (await beforeDischarge.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("top.before-discharge");
        after.Stage.Should().Be("PostTreatment");
        var tops = await factory.SendAsAsync<IReadOnlyList<TopRecordView>>(DemoUsers.DaatWorker, new ListTopsQuery(new CaseId(opened.Id)));
        tops.Select(t => t.Stage).Should().Equal("Start", "PostTreatment");
    }

    [Theory]
    [InlineData(Scheme.AdultTreatment, DemoUsers.DaatWorker)]
    [InlineData(Scheme.YoungPeopleTreatment, DemoUsers.SwitchWorker)]
    public async Task OpenCase_ForTreatment_SchedulesTheFirstTopReview26WeeksLater(Scheme scheme, string worker)
    {
        var person = (await factory.SendAsAsync<PersonDetailsView>(worker, new RegisterPersonCommand("Reviewed", $"In{scheme}",
            scheme == Scheme.YoungPeopleTreatment ? Today.AddYears(-16) : new DateOnly(1990, 1, 1)))).Id;
        var start = Today.AddDays(-10);

        var opened = await factory.SendAsAsync<CaseView>(worker, TreatmentCase(person, start, TreatmentSubstance.Cannabis, scheme: scheme));

        var due = await factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == new CaseId(opened.Id) && r.Kind == ReviewKind.Scheme).Select(r => r.DueOn).SingleAsync());
        due.Should().BeOnOrAfter(start.AddDays(182), "DT3: TOP reviews every 26 weeks by default, for young people too");
        due.Should().BeOnOrBefore(start.AddDays(182 + 4), "moved at most to the next working day");
    }

    [Fact]
    public async Task NominateExit_OfATreatmentCaseWithAnIomReason_IsRefused()
    {
        var opened = await OpenAsync("WrongReason");

        var act = () => factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new NominateExitCommand(new CaseId(opened.Id), ExitReason.SustainedProgress, "Doing well"));

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("case.exit-reason");
    }

    [Theory]
    [InlineData(181, true)]
    [InlineData(182, false)]
    public async Task Representation_ANewEpisodeAfterASuccessfulDischarge_CountsWithin182Days(int daysAfter, bool representation)
    {
        var person = await PersonAsync($"Represented{daysAfter}");
        var first = await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, TreatmentCase(person, Today.AddDays(-400), TreatmentSubstance.Alcohol));
        await DischargeAsync(first, ExitReason.CompletedAlcoholFree, Today.AddDays(-daysAfter));

        await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, TreatmentCase(person, Today, TreatmentSubstance.Alcohol));

        var view = await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new GetCaseQuery(new CaseId(first.Id)));
        view.SuccessfulCompletion.Should().BeTrue();
        view.Representation.Should().Be(representation);
    }

    [Fact]
    public async Task EndIntervention_Twice_IsRefused()
    {
        var opened = await OpenAsync("EndedTwice");
        var script = await MethadoneAsync(opened, Today.AddDays(-100), Today.AddDays(-50));

        var act = () => factory.SendAsAsync<TreatmentInterventionView>(DemoUsers.DaatWorker, new EndTreatmentInterventionCommand(
            new CaseId(opened.Id), new TreatmentInterventionId(script.Id), Today));

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("treatment-intervention.already-ended");
    }

    [Fact]
    public async Task Timeline_ShowsTreatmentInterventionsAndTops()
    {
        var opened = await OpenAsync("Timeline");
        await MethadoneAsync(opened, Today.AddDays(-100));
        await TopAsync(opened, TopStage.Start, Today.AddDays(-100));

        var timeline = await factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.DaatWorker, new GetTimelineQuery(new PersonId(opened.PersonId!.Value)));

        timeline.Items.Select(e => e.Kind).Should().Contain(["TreatmentIntervention", "Top", "CaseStarted"]);
        timeline.Items.Single(e => e.Kind == "TreatmentIntervention").Title.Should().Be("Pharmacological: methadone maintenance started");
        timeline.Items.Where(e => e.Kind is "TreatmentIntervention" or "Top").Should().OnlyContain(e => e.DataCategory == "HealthSubstanceMisuse");
        var interventions = await factory.SendAsAsync<IReadOnlyList<TreatmentInterventionView>>(DemoUsers.DaatWorker, new ListTreatmentInterventionsQuery(new CaseId(opened.Id)));
        interventions.Should().ContainSingle().Which.Medication.Should().Be("Methadone");
    }
}
