using System.Globalization;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class InformationSharingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    [Fact]
    public async Task RecordConsent_WithMissingAgenciesThenCorrected_IsListedAndCanBeWithdrawn()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(DemoUsers.FitKeyworker);
        await session.SearchPeopleAsync("Marsh");
        await session.ClickAsync(page.GetByTestId("person-link").Filter(new() { HasText = "Marsh, Dawn" }));
        await session.ClickAsync(page.GetByTestId("person-nav-consent"));
        await Expect(page.GetByTestId("consents-table")).ToContainTextAsync("Family Intervention Team");

        await session.ClickAsync(page.GetByTestId("add-consent"));
        await Group(page, "What is the consent for?").GetByLabel("Troubled Families").CheckAsync();
        await Group(page, "Which information does it cover?").GetByLabel("Education, employment and benefits").CheckAsync();
        await Group(page, "Was consent given or refused?").GetByLabel("Given").CheckAsync();
        await Group(page, "Who gave or refused consent?").GetByLabel("The person themselves").CheckAsync();
        await FillDateAsync(Group(page, "Date consent was given or refused"), Today.AddDays(-2));
        await session.ClickAsync(page.GetByTestId("save-consent"));

        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Select the agencies the person agrees may see their data");
        await Expect(Group(page, "What is the consent for?").GetByLabel("Troubled Families")).ToBeCheckedAsync();

        await Group(page, "Which agencies may see the information?").GetByLabel("Housing Services").CheckAsync();
        await session.ClickAsync(page.GetByTestId("save-consent"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Consent recorded for Troubled Families");
        var row = page.GetByTestId("consent-row").Filter(new() { HasText = "Troubled Families" });
        await Expect(row).ToContainTextAsync("HOUSING");
        await Expect(row).ToContainTextAsync("Given");

        await session.ClickAsync(row.GetByTestId("withdraw-consent"));
        await page.GetByLabel("Why is consent being withdrawn? (optional)").FillAsync("Dawn asked for Troubled Families sharing to stop");
        await session.ClickAsync(page.GetByTestId("confirm-withdraw"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Consent withdrawn. Sharing that relied on it has stopped.");
        await Expect(row).ToContainTextAsync("Withdrawn");
        await Expect(row.GetByTestId("withdraw-consent")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task BreakGlass_OnPersonOfAnotherAgency_ShowsThePersonAndIsReviewedAsJustified()
    {
        var adam = await PersonIdAsync("Ashby", "Adam");
        var justification = $"Threat to life reported tonight, reference {Guid.NewGuid():N}";
        await using var keyworker = await browser.NewSessionAsync();
        await keyworker.SignInAsync(DemoUsers.FitKeyworker);

        await keyworker.VisitAsync($"/people/{adam}/break-glass");
        await Expect(keyworker.Page.GetByTestId("break-glass-warning")).ToContainTextAsync("24 hours");
        await keyworker.Page.GetByLabel("Why do you need access now?").FillAsync(justification);
        await keyworker.Page.GetByLabel("Risk to life").CheckAsync();
        await keyworker.ClickAsync(keyworker.Page.GetByTestId("use-break-glass"));

        await Expect(keyworker.Page.GetByTestId("person-name")).ToHaveTextAsync("Adam Ashby");
        await Expect(keyworker.Page.GetByTestId("success-banner")).ToContainTextAsync("You have break-glass access until 09:00 on 27 November");
        await Expect(keyworker.Page.GetByTestId("access-explanation")).ToContainTextAsync("Break-glass access until 09:00 on 27 November");

        await keyworker.ClickAsync(keyworker.Page.GetByTestId("success-banner-link"));
        await keyworker.Page.GetByLabel("No, telling them would be unsafe").CheckAsync();
        await keyworker.ClickAsync(keyworker.Page.GetByTestId("save-person-informed"));
        await Expect(keyworker.Page.GetByTestId("error-summary")).ToContainTextAsync("Say why telling the person would be unsafe");
        await keyworker.Page.GetByLabel("Why would telling them be unsafe? (needed if they were not told)").FillAsync("Telling him now could put the child at further risk");
        await keyworker.ClickAsync(keyworker.Page.GetByTestId("save-person-informed"));
        await Expect(keyworker.Page.GetByTestId("success-banner")).ToContainTextAsync("Recorded why the person has not been told");
        await Expect(keyworker.Page.GetByTestId("person-name")).ToHaveTextAsync("Adam Ashby");

        await using var ig = await browser.NewSessionAsync();
        await ig.SignInAsync(DemoUsers.InformationGovernance);
        await ig.VisitAsync("/governance");
        await ig.ClickAsync(ig.Page.GetByTestId("governance-break-glass"));
        var grant = ig.Page.GetByTestId("grant-row").Filter(new() { HasText = justification });
        await Expect(grant).ToContainTextAsync("Awaiting review");
        await ig.ClickAsync(grant.GetByTestId("review-grant"));
        await Expect(ig.Page.GetByTestId("grant-summary")).ToContainTextAsync("No: Telling him now could put the child at further risk");
        await ig.Page.GetByLabel("Justified", new() { Exact = true }).CheckAsync();
        await ig.Page.GetByLabel("Note").FillAsync("Police confirmed the threat; access was proportionate");
        await ig.ClickAsync(ig.Page.GetByTestId("save-review"));

        await Expect(ig.Page.GetByTestId("success-banner")).ToContainTextAsync("marked justified");
        await Expect(grant).ToContainTextAsync("Justified");
    }

    [Fact]
    public async Task CreateAgreement_WithOneAgencyThenCorrected_IsListedAfterTheAuditChainVerifies()
    {
        var name = UniqueName.Of("Youth justice exchange ");
        await using var ig = await browser.NewSessionAsync();
        var page = ig.Page;
        await ig.SignInAsync(DemoUsers.InformationGovernance);
        await ig.VisitAsync("/governance");

        await ig.ClickAsync(page.GetByTestId("governance-verify"));
        await ig.ClickAsync(page.GetByTestId("verify-audit"));

        await Expect(page.GetByTestId("audit-verified")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"entr(y|ies) verified"));

        await ig.VisitAsync("/governance/agreements");
        await ig.ClickAsync(page.GetByTestId("add-agreement"));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Group(page, "Which agencies share under it?").GetByLabel("Youth Offending Service").CheckAsync();
        await Group(page, "Which information may they share?").GetByLabel("Offending").CheckAsync();
        await Group(page, "For which schemes?").GetByLabel("Troubled Families").CheckAsync();
        await page.GetByLabel("Public task").CheckAsync();
        await Group(page, "Does sharing need the person's consent?").GetByLabel("No").CheckAsync();
        await FillDateAsync(Group(page, "Starts on"), Today);
        await ig.ClickAsync(page.GetByTestId("save-agreement"));

        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Select at least two agencies");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);

        await Group(page, "Which agencies share under it?").GetByLabel("Children's Social Care").CheckAsync();
        await ig.ClickAsync(page.GetByTestId("save-agreement"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"‘{name}’ has been created");
        var agreement = page.GetByTestId("agreement-row").Filter(new() { HasText = name });
        await Expect(agreement).ToContainTextAsync("CSC, YOS");
        await Expect(agreement).ToContainTextAsync("In force");
    }

    [Fact]
    public async Task SearchAuditByPerson_AfterAnotherAgencyRead_ShowsTheReadAndTheSubjectAccessExport()
    {
        var dawn = await PersonIdAsync("Marsh", "Dawn");
        await browser.App.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new GetPersonQuery(dawn));
        await using var ig = await browser.NewSessionAsync();
        var page = ig.Page;
        await ig.SignInAsync(DemoUsers.InformationGovernance);

        await ig.VisitAsync("/governance/audit");
        await page.GetByLabel("About the person").FillAsync("Dawn Marsh");
        await ig.ClickAsync(page.GetByTestId("search-audit"));

        await Expect(page.GetByTestId("filters-in-force")).ToContainTextAsync("About Dawn Marsh");
        var read = page.GetByTestId("audit-row").Filter(new() { HasText = DemoUsers.FitKeyworker }).Filter(new() { HasText = "Read a person's record" });
        await Expect(read.First).ToContainTextAsync("Allowed");

        await ig.VisitAsync("/governance/subject-access");
        await page.GetByLabel("Person's name, date of birth or identifier").FillAsync("Dawn Marsh");
        await ig.ClickAsync(page.GetByTestId("find-subject"));
        await ig.ClickAsync(page.GetByTestId("subject-match").Filter(new() { HasText = "Dawn Marsh" }).GetByTestId("produce-export"));

        await Expect(page.GetByTestId("sar-person-name")).ToHaveTextAsync("Dawn Marsh");
        await Expect(page.GetByTestId("sar-summary")).ToContainTextAsync("Respond by");
        await Expect(page.GetByTestId("sar-access-log")).ToContainTextAsync("Read a person's record");
    }

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });

    private static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private Task<PersonId> PersonIdAsync(string familyName, string givenName) =>
        browser.App.QueryDbAsync(db => db.People.Where(p => p.FamilyName == familyName && p.GivenName == givenName).Select(p => p.Id).SingleAsync());
}
