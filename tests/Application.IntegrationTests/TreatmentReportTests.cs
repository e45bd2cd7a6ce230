using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Application.Treatment;
using CaseManager.Application.Treatment.StartTreatmentIntervention;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using CaseManager.TestSupport;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The treatment report's measures (DOMAIN.md DT2, DT4) through the mediator: re-presentations with windows still
/// open and new episodes after the period, young people re-referred, and the thresholds from configuration.
/// Each test reads the report before and after its own episodes, so the demo partnership's episodes cancel out.
/// </summary>
public sealed class TreatmentReportTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    /// <summary>An episode, optionally discharged, opened and decided by a worker and a manager of the owning agency (DAAT or SWITCH).</summary>
    private static async Task<(Guid Person, CaseView Case)> EpisodeAsync(
        CaseManagerFactory on, Guid? person, string familyName, DateOnly start, ExitReason? reason = null, DateOnly? dischargedOn = null,
        Scheme scheme = Scheme.AdultTreatment, TreatmentSubstance primary = TreatmentSubstance.Alcohol)
    {
        var (worker, manager) = scheme == Scheme.YoungPeopleTreatment
            ? (DemoUsers.SwitchWorker, DemoUsers.SwitchManager)
            : (DemoUsers.DaatWorker, DemoUsers.DaatManager);
        var personId = person ?? (await on.SendAsAsync<PersonDetailsView>(worker, new RegisterPersonCommand("Reported", familyName,
            scheme == Scheme.YoungPeopleTreatment ? Today.AddYears(-16) : new DateOnly(1985, 2, 3)))).Id;
        var opened = await on.SendAsAsync<CaseView>(worker, TreatmentCaseTests.TreatmentCase(personId, start, primary, scheme: scheme));
        if (reason is { } why)
        {
            await on.SendAsAsync<CaseView>(worker, new NominateExitCommand(new CaseId(opened.Id), why, "Discharge"));
            opened = await on.SendAsAsync<CaseView>(manager, new ApproveExitCommand(new CaseId(opened.Id), null, dischargedOn ?? Today));
        }

        return (personId, opened);
    }

    private static Task<TreatmentReportView> ReportAsync(CaseManagerFactory on, DateOnly? to = null, string reader = DemoUsers.DaatManager) =>
        on.SendAsAsync<TreatmentReportView>(reader, new TreatmentReportQuery(Today, Today.AddDays(-365), to ?? Today));

    [Fact]
    public async Task Representations_CountNewEpisodesKnownByTheDay_AndLeaveWindowsStillOpenOut()
    {
        var before = await ReportAsync(factory, to: Today.AddDays(-100));

        // Discharged 300 days ago, back 180 days later: a re-presentation (day 180 < 182).
        var (back, _) = await EpisodeAsync(factory, null, "BackAt180", Today.AddDays(-400), ExitReason.CompletedAlcoholFree, Today.AddDays(-300));
        await EpisodeAsync(factory, back, "BackAt180", Today.AddDays(-120));

        // Discharged 250 days ago and not back: sustained success, the window has closed.
        await EpisodeAsync(factory, null, "Sustained", Today.AddDays(-400), ExitReason.CompletedAlcoholFree, Today.AddDays(-250));

        // Discharged 200 days ago, back on day 182: not a re-presentation.
        var (late, _) = await EpisodeAsync(factory, null, "BackAt182", Today.AddDays(-400), ExitReason.CompletedAlcoholFree, Today.AddDays(-200));
        await EpisodeAsync(factory, late, "BackAt182", Today.AddDays(-18));

        // Discharged 150 days ago (within the period to 100 days ago), back 10 days ago (after the period): a re-presentation.
        var (afterPeriod, _) = await EpisodeAsync(factory, null, "BackAfterPeriod", Today.AddDays(-400), ExitReason.CompletedAlcoholFree, Today.AddDays(-150));
        await EpisodeAsync(factory, afterPeriod, "BackAfterPeriod", Today.AddDays(-10));

        // Discharged 120 days ago and not back yet: the window is still open, so it counts neither way.
        await EpisodeAsync(factory, null, "StillOpen", Today.AddDays(-400), ExitReason.CompletedAlcoholFree, Today.AddDays(-120));

        // Dropped out: not a successful discharge, so no re-presentation measure.
        await EpisodeAsync(factory, null, "DroppedOut", Today.AddDays(-400), ExitReason.DroppedOut, Today.AddDays(-200));

        var after = await ReportAsync(factory, to: Today.AddDays(-100));

        (after.Representations.SuccessfulDischarges - before.Representations.SuccessfulDischarges).Should().Be(5);
        (after.Representations.Represented - before.Representations.Represented).Should().Be(2, "back on day 180, and back after the period but by the report's day");
        (after.Representations.WindowOpen - before.Representations.WindowOpen).Should().Be(1, "discharged 120 days ago with no new episode");
        (after.Representations.Known - before.Representations.Known).Should().Be(4);
        (after.Completions.Discharges - before.Completions.Discharges).Should().Be(6);
        after.RepresentationDays.Should().Be(182);
    }

    [Fact]
    public async Task YoungPeopleRereferred_CountsAYoungPeoplesEpisodeAfterAnEarlierOne()
    {
        var before = await ReportAsync(factory, reader: DemoUsers.SwitchManager);
        var daatBefore = await ReportAsync(factory);

        var (returning, _) = await EpisodeAsync(factory, null, "Returning", Today.AddDays(-300), ExitReason.DroppedOut, Today.AddDays(-250), Scheme.YoungPeopleTreatment, TreatmentSubstance.Cannabis);
        var (_, second) = await EpisodeAsync(factory, returning, "Returning", Today.AddDays(-100), scheme: Scheme.YoungPeopleTreatment, primary: TreatmentSubstance.Cannabis);
        var (_, first) = await EpisodeAsync(factory, null, "FirstTime", Today.AddDays(-50), scheme: Scheme.YoungPeopleTreatment, primary: TreatmentSubstance.Cannabis);

        var after = await ReportAsync(factory, reader: DemoUsers.SwitchManager);
        var daatAfter = await ReportAsync(factory);

        (after.YoungPeopleRereferred.Referrals - before.YoungPeopleRereferred.Referrals).Should().Be(3);
        (after.YoungPeopleRereferred.Rereferred - before.YoungPeopleRereferred.Rereferred).Should().Be(1, "only the second episode of the returning young person is a re-referral");
        (after.InTreatment.YoungPeople - before.InTreatment.YoungPeople).Should().Be(2);
        second.Treatment!.Rereferral.Should().BeTrue("the episode view tracks the re-referral");
        first.Treatment!.Rereferral.Should().BeFalse();
        daatAfter.YoungPeopleRereferred.Should().Be(daatBefore.YoungPeopleRereferred, "DAAT may not read SWITCH's episodes without consent or an agreement (DT5)");
    }

    [Fact]
    public async Task Thresholds_FromConfiguration_ChangeTheLongTermAndRepresentationMeasures()
    {
        using var configured = new ThresholdFactory();
        var before = await ReportAsync(configured);

        // On methadone maintenance for 400 days: long-term with one year, not with the default two.
        var (_, scripted) = await EpisodeAsync(configured, null, "OneYearScript", Today.AddDays(-500), primary: TreatmentSubstance.Heroin);
        await configured.SendAsAsync<TreatmentInterventionView>(DemoUsers.DaatWorker, new StartTreatmentInterventionCommand(
            new CaseId(scripted.Id), TreatmentInterventionType.Pharmacological, Today.AddDays(-400), Medication.Methadone, PrescribingMode.Maintenance, null));

        // Back 40 days after a successful discharge: a re-presentation with 182 days, not with 30.
        var (back, _) = await EpisodeAsync(configured, null, "BackAt40", Today.AddDays(-300), ExitReason.CompletedAlcoholFree, Today.AddDays(-100));
        await EpisodeAsync(configured, back, "BackAt40", Today.AddDays(-60));

        var after = await ReportAsync(configured);

        after.LongTermYears.Should().Be(1);
        after.RepresentationDays.Should().Be(30);
        (after.LongTermSubstitute.OpiateClients - before.LongTermSubstitute.OpiateClients).Should().Be(1);
        (after.LongTermSubstitute.OnLongTermSubstitute - before.LongTermSubstitute.OnLongTermSubstitute).Should().Be(1, "400 days is over the configured one year");
        (after.Representations.SuccessfulDischarges - before.Representations.SuccessfulDischarges).Should().Be(1);
        (after.Representations.Represented - before.Representations.Represented).Should().Be(0, "day 40 is outside the configured 30 days");
        (after.Representations.WindowOpen - before.Representations.WindowOpen).Should().Be(0, "30 days have passed since the discharge");
    }

    private sealed class ThresholdFactory : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [new("Treatment:LongTermYears", "1"), new("Treatment:RepresentationDays", "30")];
    }
}
