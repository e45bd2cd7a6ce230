using System.Net;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Cases.UpdateIomDetails;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Interventions;
using CaseManager.Application.Interventions.LogIntervention;
using CaseManager.Application.Offences;
using CaseManager.Application.Offences.RecordOffence;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests
{
    [Fact]
    public async Task ExitDecisionPage_ForCaseworker_IsForbidden()
    {
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await caseworker.GetAsync($"/cases/{Guid.NewGuid()}/exit-decision");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/forbidden");
        var forbidden = await caseworker.GetAsync(response.Headers.Location!.ToString());
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ExitDecisionPage_ForTheManagerWhoNominated_SaysAnotherManagerMustDecide()
    {
        var nominated = await NewIomCaseAsync(DemoUsers.ProbationManager, "Selfnominated");
        await factory.SendAsAsync<CaseView>(DemoUsers.ProbationManager, new NominateExitCommand(new CaseId(nominated.Id), ExitReason.MovedOutOfArea, "Moved to Leeds"));
        var manager = await SignedInBrowserAsync(DemoUsers.ProbationManager);

        var page = await manager.GetAsync($"/cases/{nominated.Id}/exit-decision");
        var posted = await PostFormAsync(manager, $"/cases/{nominated.Id}/exit-decision", new() { ["Input.Decision"] = "Approved" });

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("another manager must decide it").And.NotContain("decision-form");
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("another manager must decide it");
        var status = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(nominated.Id)).Select(c => c.Status).SingleAsync());
        status.Should().Be(CaseStatus.ExitNominated);
    }

    [Fact]
    public async Task ExitDecisionPage_ShowsTheLastThreeMonthsOfWorkWithAdverseItemsMarked_AndTheReviews()
    {
        // DOMAIN.md IOM6: the manager sees the evidence before deciding.
        var nominated = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Evidenced");
        var caseId = new CaseId(nominated.Id);
        var personId = new PersonId(nominated.PersonId!.Value);
        var now = CaseManagerFactory.StartOfTests;
        await factory.SendAsAsync<InterventionView>(DemoUsers.PoliceCaseworker,
            new LogInterventionCommand(caseId, InterventionType.DrugTest, now.AddDays(-20), Result: DrugTestResult.Positive, Substances: [Substance.Cocaine]));
        await factory.SendAsAsync<InterventionView>(DemoUsers.PoliceCaseworker,
            new LogInterventionCommand(caseId, InterventionType.HomeVisit, now.AddDays(-10), Outcome: "Seen at home, settled"));
        await factory.SendAsAsync<OffenceView>(DemoUsers.PoliceCaseworker, new RecordOffenceCommand(personId, "Theft", DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime)));
        await factory.SendAsAsync<OffenceView>(DemoUsers.PoliceCaseworker, new RecordOffenceCommand(personId, "CriminalDamage", DateOnly.FromDateTime(now.AddMonths(-8).UtcDateTime)));
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new NominateExitCommand(caseId, ExitReason.SustainedProgress, "Doing well"));
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);

        var response = await manager.GetAsync($"/cases/{nominated.Id}/exit-decision");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-testid=\"decision-form\"", "another manager may decide");
        CountOf(html, "data-testid=\"evidence-row\"").Should().Be(3, "the drug test, the home visit and the recent offence fall in the last three months; the offence eight months ago does not");
        CountOf(html, "data-testid=\"adverse-tag\"").Should().Be(2);
        html.Should().Contain("Positive drug test").And.Contain("New offence").And.Contain("Result: Positive (Cocaine)").And.Contain("Seen at home, settled");
        html.Should().Contain("2 adverse records: 1 new offence, 1 positive drug test.");
        html.Should().NotContain("Criminal damage", "the older offence is outside the window");
        html.Should().Contain("data-testid=\"evidence-review-row\"").And.Contain("Exit decision", "the nomination opened an exit decision review");
    }

    [Fact]
    public async Task ExitDecisionPage_ForAnotherAgencysManager_IsNotFoundOrForbidden()
    {
        var nominated = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Privateevidence");
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new NominateExitCommand(new CaseId(nominated.Id), ExitReason.SustainedProgress, "Doing well"));
        var daat = await SignedInBrowserAsync(DemoUsers.FitManager);

        var response = await daat.GetAsync($"/cases/{nominated.Id}/exit-decision");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Privateevidence");
    }

    private static int CountOf(string html, string marker) => html.Split(marker).Length - 1;

    [Fact]
    public async Task CasePage_ForAPartnerWhoReadsTheCaseButNotThePerson_OffersNoTimelineLink()
    {
        // Police share IOM offending records with DAAT under consent; this person consented to offending records only,
        // so DAAT reads the case but not the person's identity (IS7), and the page offers no link to a page DAAT cannot open.
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Identitywithheld");
        await factory.SendAsAsync<SharingAgreementView>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            "IOM: police and DAAT with consent", ["POLICE", "DAAT"], [DataCategory.Identity, DataCategory.Offending], [Scheme.Iom],
            LawfulBasis.PublicTask, null, "Crime and Disorder Act 1998 s115", ConsentRequired: true, new DateOnly(2025, 1, 1), null));
        await factory.SendAsAsync<ConsentView>(DemoUsers.PoliceCaseworker, new RecordConsentCommand(
            new PersonId(opened.PersonId!.Value), Scheme.Iom, ["DAAT"], [DataCategory.Offending], ConsentStatus.Given, ConsentGivenBy.Self,
            new DateOnly(2026, 10, 1), new DateOnly(2027, 10, 1), "Signed form"));
        var timelineLink = $"href=\"/people/{opened.PersonId}/timeline\"";
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var partnerPage = await daat.GetAsync($"/cases/{opened.Id}");
        var ownerPage = await police.GetStringAsync($"/cases/{opened.Id}");
        var timeline = await daat.GetAsync($"/people/{opened.PersonId}/timeline");

        partnerPage.StatusCode.Should().Be(HttpStatusCode.OK, "the consent shares the case's offending records with DAAT");
        var html = await partnerPage.Content.ReadAsStringAsync();
        html.Should().Contain("Person not shared with you").And.NotContain(timelineLink);
        timeline.StatusCode.Should().Be(HttpStatusCode.NotFound, "which is why the link is not offered");
        ownerPage.Should().Contain(timelineLink, "the owner reads the person");
    }

    [Fact]
    public async Task CaseloadDownload_ForCaseworker_IsCsvWithHeaderRow()
    {
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await caseworker.GetAsync("/cases?Filter.Scheme=Iom&handler=Download");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("caseload-");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        lines[0].Should().Be("Case id,Person,Scheme,Status,Owner agency,Allocated to,Cohort,Tier,Start date,Exited on,Last contact,Next review due,Flags");
        lines.Should().Contain(line => line.Contains("Adam Ashby", StringComparison.Ordinal) && line.Contains("Exit nominated", StringComparison.Ordinal));
        lines.Skip(1).Where(l => l.Length > 0).Should().OnlyContain(line => line.Contains(",Integrated Offender Management,", StringComparison.Ordinal), "schemes are named in full in the download");
    }

    [Fact]
    public async Task PersonPage_ForTheOwningAgency_DoesNotOfferBreakGlass()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Own", "Record", new DateOnly(1991, 2, 3)));
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await caseworker.GetAsync($"/people/{person.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("break-glass-link", "the owner already reads everything held on their own record");
    }

    [Fact]
    public async Task PersonPage_ForTheOwningAgency_DoesNotOfferBreakGlass_EvenWhenAnotherAgencyWithholdsRecords()
    {
        // Police own the record; a DAAT case on the person is not shared with police (no agreement covers it), so the
        // page tells police that DAAT holds a record. Arranged in the database: no command lets DAAT enrol a person it
        // cannot read.
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Withheld", "Elsewhere", new DateOnly(1990, 4, 5)));
        var withheldFrom = new PersonId(person.Id);
        await factory.QueryDbAsync(async db =>
        {
            db.Cases.Add(Case.Open(withheldFrom, Scheme.Iom, AgencyCode.Parse("DAAT"), new DateOnly(2026, 9, 1), null, CaseManagerFactory.StartOfTests, new DateOnly(2026, 11, 26)));
            return await db.SaveChangesAsync();
        });
        var owner = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var partner = await SignedInBrowserAsync(DemoUsers.ProbationCaseworker);

        var ownerPage = await owner.GetStringAsync($"/people/{withheldFrom}");
        var partnerPage = await partner.GetStringAsync("/people/" + await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby" && p.GivenName == "Adam").Select(p => p.Id).SingleAsync()));

        ownerPage.Should().Contain("data-testid=\"withheld-records\"", "DAAT withholds its treatment records from police");
        ownerPage.Should().NotContain("break-glass-link", "the owner never sees break-glass on their own record");
        partnerPage.Should().Contain("break-glass-link", "probation reads Adam by agreement and break-glass would show it more");
    }

    [Fact]
    public async Task IomReportDownload_ForManager_IsCsv()
    {
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);

        var response = await manager.GetAsync("/reports/iom?handler=Download");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Should().StartWith("Measure,Cohort,Tier,Figure,Value\r\n").And.Contain("Offences per person-year before entry");
    }

    [Fact]
    public async Task EnrolPage_WithoutCohortOrReason_ShowsErrorsAndSavesNothing()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Enrol", "Unfinished", new DateOnly(1990, 5, 6)));
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(caseworker, $"/cases/open?personId={person.Id}", new()
        {
            ["Input.Scheme"] = "Iom",
            ["Input.StartDate.Day"] = "2",
            ["Input.StartDate.Month"] = "11",
            ["Input.StartDate.Year"] = "2026",
            ["Input.SelectionScore"] = "OGRS 55%",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("There is a problem").And.Contain("Select the cohort").And.Contain("Give the reason the panel selected the person");
        html.Should().Contain("value=\"OGRS 55%\"");
        var cases = await factory.QueryDbAsync(db => db.Cases.CountAsync(c => c.PersonId == new PersonId(person.Id)));
        cases.Should().Be(0);
    }

    [Fact]
    public async Task ChangeIomDetails_AfterSomeoneElseSaved_ShowsStaleMessageAndKeepsTheirChange()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Staleedit");
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceManager,
            new UpdateIomDetailsCommand(new CaseId(opened.Id), opened.Version, "Fixed", "Red", "Raised to red at the panel"));
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(caseworker, $"/cases/{opened.Id}/iom", new()
        {
            ["Input.Version"] = opened.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Cohort"] = "Free",
            ["Input.SelectionReason"] = "Lowered to Free",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Someone else changed this case").And.Contain("data-testid=\"stale-edit\"");
        var tier = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(opened.Id)).Select(c => c.Iom!.Tier).SingleAsync());
        tier.Should().Be("Red");
    }

    [Fact]
    public async Task CompleteReviewPage_RecordsTheReviewAndSchedulesTheNext_AndRefusesAFutureDate()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Reviewed");
        var reviewId = await factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == new CaseId(opened.Id) && r.CompletedOn == null).Select(r => r.Id.Value).SingleAsync());
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var url = $"/cases/{opened.Id}/reviews/{reviewId}/complete";

        var form = await caseworker.GetAsync(url);
        var future = await PostFormAsync(caseworker, url, new()
        {
            ["Input.CompletedOn.Day"] = "1",
            ["Input.CompletedOn.Month"] = "1",
            ["Input.CompletedOn.Year"] = "2027",
            ["Input.Summary"] = "Too early",
        });
        var recorded = await PostFormAsync(caseworker, url, new()
        {
            ["Input.CompletedOn.Day"] = "20",
            ["Input.CompletedOn.Month"] = "11",
            ["Input.CompletedOn.Year"] = "2026",
            ["Input.Summary"] = "Panel reviewed progress",
        });

        form.StatusCode.Should().Be(HttpStatusCode.OK);
        (await future.Content.ReadAsStringAsync()).Should().Contain("The review date cannot be in the future");
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        recorded.Headers.Location!.ToString().Should().Be($"/cases/{opened.Id}");
        var stored = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(opened.Id)).Select(c => c.NextReviewDue).SingleAsync());
        stored.Should().Be(new DateOnly(2026, 12, 18), "the next IOM review is 28 days after the one completed");
    }

    private async Task<CaseView> NewIomCaseAsync(string email, string familyName)
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(email, new RegisterPersonCommand("Test", familyName, new DateOnly(1988, 3, 4)));
        return await factory.SendAsAsync<CaseView>(email,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), new DateOnly(2026, 10, 1), Cohort: "Flex", Tier: "Green", SelectionReason: "Panel selection"));
    }
}
