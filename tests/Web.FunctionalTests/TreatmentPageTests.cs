using System.Net;
using CaseManager.Application.Cases;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Cases;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Treatment pages: enrolment with the episode, the case page's treatment section, interventions, the TOP journey and the report.</summary>
public sealed partial class PageTests
{
    private async Task<CaseView> TreatmentCaseThroughThePageAsync(HttpClient client, string familyName)
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new RegisterPersonCommand("Paged", familyName, new DateOnly(1979, 8, 9)));
        var response = await PostFormAsync(client, $"/cases/open?personId={person.Id}", new()
        {
            ["Input.Scheme"] = "AdultTreatment",
            ["Input.StartDate.Day"] = "1",
            ["Input.StartDate.Month"] = "6",
            ["Input.StartDate.Year"] = "2026",
            ["Input.Treatment.ReferralDate.Day"] = "20",
            ["Input.Treatment.ReferralDate.Month"] = "5",
            ["Input.Treatment.ReferralDate.Year"] = "2026",
            ["Input.Treatment.ReferralSource"] = "GP",
            ["Input.Treatment.PrimarySubstance"] = "Heroin",
            ["Input.Treatment.SecondarySubstance"] = "",
            ["Input.Treatment.TertiarySubstance"] = "",
            ["Input.Treatment.InjectingStatus"] = "Previously",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = await factory.QueryDbAsync(db => db.Cases.Where(c => c.PersonId == new Domain.People.PersonId(person.Id)).Select(c => c.Id).SingleAsync());
        return await factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new Application.Cases.GetCase.GetCaseQuery(id));
    }

    [Fact]
    public async Task OpenPage_ForTreatment_SavesTheEpisodeAndTheCasePageShowsIt()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);

        var opened = await TreatmentCaseThroughThePageAsync(daat, "Enrolled");
        var page = await daat.GetStringAsync($"/cases/{opened.Id}");

        opened.Treatment!.ReferralSource.Should().Be("GP");
        page.Should().Contain("data-testid=\"treatment-details\"").And.Contain("Previously injected").And.Contain("start-treatment-intervention")
            .And.Contain("Re-presented within 182 days", "the window is Treatment:RepresentationDays");
    }

    [Fact]
    public async Task OpenPage_ForTreatmentWithoutTheSubstance_ShowsTheErrorAndSavesNothing()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new RegisterPersonCommand("Paged", "NoSubstance", new DateOnly(1979, 8, 9)));

        var response = await PostFormAsync(daat, $"/cases/open?personId={person.Id}", new()
        {
            ["Input.Scheme"] = "AdultTreatment",
            ["Input.StartDate.Day"] = "1",
            ["Input.StartDate.Month"] = "6",
            ["Input.StartDate.Year"] = "2026",
            ["Input.Treatment.ReferralDate.Day"] = "20",
            ["Input.Treatment.ReferralDate.Month"] = "5",
            ["Input.Treatment.ReferralDate.Year"] = "2026",
            ["Input.Treatment.ReferralSource"] = "GP",
            ["Input.Treatment.InjectingStatus"] = "Never",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Select the primary substance");
        (await factory.QueryDbAsync(db => db.Cases.AnyAsync(c => c.PersonId == new Domain.People.PersonId(person.Id)))).Should().BeFalse();
    }

    [Fact]
    public async Task TreatmentPages_StartAnInterventionAndRecordATopThroughCheckYourAnswers()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "Journey");
        var top = $"/cases/{opened.Id}/treatment/top";

        var started = await PostFormAsync(daat, $"/cases/{opened.Id}/treatment/interventions/start", new()
        {
            ["Input.Type"] = "Pharmacological",
            ["Input.Medication"] = "Methadone",
            ["Input.Mode"] = "Maintenance",
            ["Input.StartDate.Day"] = "2",
            ["Input.StartDate.Month"] = "6",
            ["Input.StartDate.Year"] = "2026",
        });
        var outOfRange = await PostTopAsync(daat, opened.Id, "step=2", new() { ["Answers[OpiateDays]"] = "30" });
        var step1 = await PostFormAsync(daat, $"{top}?step=1", new() { ["Stage"] = "Start", ["CompletedOn.Day"] = "1", ["CompletedOn.Month"] = "6", ["CompletedOn.Year"] = "2026" });
        var step2 = await PostFormAsync(daat, $"{top}?step=2", new() { ["Answers[OpiateDays]"] = "25" });
        var step3 = await PostFormAsync(daat, $"{top}?step=3", new() { ["Answers[SharedNeedles]"] = "false" });
        var step4 = await PostFormAsync(daat, $"{top}?step=4", new() { ["Answers[QualityOfLife]"] = "5" });
        var check = await daat.GetStringAsync($"{top}?step=5");
        var saved = await PostFormAsync(daat, $"{top}?step=5", new());
        var casePage = await daat.GetStringAsync($"/cases/{opened.Id}");

        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        outOfRange.StatusCode.Should().Be(HttpStatusCode.Redirect, "a question page without the first page's answers starts at the first page");
        new[] { step1, step2, step3, step4 }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Redirect);
        check.Should().Contain("Check your answers").And.Contain("Not answered");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await factory.QueryDbAsync(db => db.TopRecords.SingleAsync(t => t.CaseId == new CaseId(opened.Id)));
        stored.Answers.OpiateDays.Should().Be(25);
        stored.Answers.QualityOfLife.Should().Be(5);
        stored.Answers.SharedNeedles.Should().BeFalse();
        stored.Answers.CrackDays.Should().BeNull();
        casePage.Should().Contain("data-testid=\"top-chart\"").And.Contain("Methadone (maintenance)")
            .And.Contain("Days used: amphetamines").And.Contain("Days used: other substance").And.Contain("Days used: tobacco").And.Contain("Days injected");
    }

    [Fact]
    public async Task TreatmentReportPage_ShowsTheMeasuresAndDownloadsTheEpisodes()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        await TreatmentCaseThroughThePageAsync(daat, "Reported");

        var page = await daat.GetStringAsync("/reports/treatment");
        var download = await daat.GetAsync("/reports/treatment?handler=Download&from=2026-01-01&to=2026-11-26");

        page.Should().Contain("data-testid=\"outcomes-chart\"").And.Contain("data-testid=\"in-treatment-adults\"");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await download.Content.ReadAsStringAsync()).Should().Contain("CLIENT_ID,EPISODE_ID").And.Contain(",GP,");
    }

    [Fact]
    public async Task TreatmentReportPage_ShowsTheChosenPeriod_AndRefusesAPeriodEndingBeforeItStarts()
    {
        var manager = await SignedInBrowserAsync("manager@daat.demo");
        const string Chosen = "/reports/treatment?Input.AsOf.Day=1&Input.AsOf.Month=10&Input.AsOf.Year=2026"
            + "&Input.From.Day=1&Input.From.Month=4&Input.From.Year=2026&Input.To.Day=30&Input.To.Month=9&Input.To.Year=2026";
        const string Backwards = "/reports/treatment?Input.From.Day=1&Input.From.Month=9&Input.From.Year=2026&Input.To.Day=1&Input.To.Month=4&Input.To.Year=2026";

        var chosen = await manager.GetStringAsync(Chosen);
        var backwards = await manager.GetStringAsync(Backwards);
        var notADate = await manager.GetStringAsync("/reports/treatment?Input.AsOf.Day=31&Input.AsOf.Month=2&Input.AsOf.Year=2026");

        chosen.Should().Contain("data-testid=\"period-form\"").And.Contain("People in treatment on 1 October 2026")
            .And.Contain("1 April 2026 to 30 September 2026").And.Contain("from=2026-04-01&amp;to=2026-09-30")
            .And.Contain("data-testid=\"representations-window-open\"");
        backwards.Should().Contain("govuk-error-summary").And.Contain("The period must end on or after it starts").And.NotContain("data-testid=\"outcomes-chart\"");
        notADate.Should().Contain("The day for people in treatment must be a real date");
    }

    [Fact]
    public async Task YoungPeoplesCasePage_NamesTheOutcomeRecordAndTheReReferral_AndOffersOnlyThePostTreatmentRecordAfterDischarge()
    {
        var switchWorker = await SignedInBrowserAsync("youth.worker@switch.demo");
        var mia = await factory.QueryDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.FamilyName == "Coates" && p.GivenName == "Mia").Select(p => p.Id).SingleAsync();
            return (await db.Cases.Where(c => c.PersonId == person && c.Scheme == Domain.Agencies.Scheme.YoungPeopleTreatment).Select(c => c.Id).SingleAsync()).Value;
        });

        var casePage = await switchWorker.GetStringAsync($"/cases/{mia}");
        var recordPage = await switchWorker.GetStringAsync($"/cases/{mia}/treatment/top");

        casePage.Should().Contain("Young people&#x27;s outcome records").And.Contain("Re-referral").And.Contain("No: the first young people&#x27;s episode")
            .And.Contain("Record a post-treatment outcome record");
        recordPage.Should().Contain("Young people&#x27;s outcome record, step 1").And.Contain("After treatment").And.NotContain("Start of treatment");
    }
}
