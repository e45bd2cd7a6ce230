using System.Globalization;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class IomJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    [Fact]
    public async Task IomCase_EnrolledWorkedAndNominated_IsExitedWhenAManagerApproves()
    {
        var familyName = UniqueName.Of("Iom");
        await using var officer = await browser.NewSessionAsync();
        var page = officer.Page;
        await officer.SignInAsync(DemoUsers.PoliceCaseworker);
        await officer.AddPersonAsync("Jordan", familyName, new DateOnly(1994, 7, 19));

        await officer.ClickAsync(page.GetByTestId("person-nav-cases"));
        await Expect(page.GetByTestId("person-nav-cases")).ToHaveAttributeAsync("aria-current", "page");
        await officer.ClickAsync(page.GetByTestId("enrol-link"));
        await Group(page, "Scheme").GetByLabel("Integrated Offender Management", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Start date"), Today.AddDays(-30));
        await Group(page, "Cohort").GetByLabel("Flex", new() { Exact = true }).CheckAsync();
        await Group(page, "Tier (optional)").GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why did the panel select the person?").FillAsync("Six thefts from shops in three months; the panel chose Flex for the town centre priority");
        await page.GetByLabel("PPO: a prolific and priority offender").CheckAsync();
        await officer.ClickAsync(page.GetByTestId("save-case"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("has been enrolled in Integrated Offender Management");
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Active");
        await Expect(page.GetByTestId("case-details")).ToContainTextAsync("Flex");

        await officer.ClickAsync(page.GetByTestId("log-intervention"));
        await Expect(page.GetByTestId("drug-test-questions")).ToBeHiddenAsync();
        await page.GetByLabel("Home visit", new() { Exact = true }).CheckAsync();
        await Expect(page.GetByTestId("drug-test-questions")).ToBeHiddenAsync();
        await page.GetByLabel("Outcome (optional)").FillAsync("Seen at home");
        await officer.ClickAsync(page.GetByTestId("save-intervention"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Home visit logged");

        await officer.ClickAsync(page.GetByTestId("log-intervention"));
        await page.GetByLabel("Drug test", new() { Exact = true }).CheckAsync();
        await Expect(page.GetByTestId("drug-test-questions")).ToBeVisibleAsync();
        await Group(page, "Drug test result (drug tests only)").GetByLabel("Positive", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Cocaine", new() { Exact = true }).CheckAsync();
        await officer.ClickAsync(page.GetByTestId("save-intervention"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Drug test logged");
        await Expect(page.GetByTestId("intervention-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("interventions-table")).ToContainTextAsync("Result: Positive (Cocaine)");

        await officer.ClickAsync(page.GetByTestId("nominate-exit"));
        await page.GetByLabel("Sustained progress: the risk has reduced").CheckAsync();
        await page.GetByLabel("Explain the nomination").FillAsync("No offending since selection and drug tests now negative");
        await officer.ClickAsync(page.GetByTestId("continue-nomination"));
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Sustained progress");
        await officer.ClickAsync(page.GetByTestId("confirm-nomination"));
        await Expect(page.GetByTestId("nomination-confirmation")).ToContainTextAsync("Exit nomination sent");

        await using var manager = await browser.NewSessionAsync();
        await manager.SignInAsync(DemoUsers.PoliceManager);
        await manager.VisitAsync("/cases");
        await manager.ClickAsync(manager.Page.GetByTestId("exit-queue-link"));
        var nomination = manager.Page.GetByTestId("exit-queue-row").Filter(new() { HasText = familyName });
        await manager.ClickAsync(nomination.GetByTestId("decide-link"));
        await Expect(manager.Page.GetByTestId("nomination-details")).ToContainTextAsync("No offending since selection");
        await Expect(manager.Page.GetByTestId("evidence-row")).ToHaveCountAsync(2);
        await Expect(manager.Page.GetByTestId("adverse-tag")).ToHaveTextAsync("Positive drug test");
        await Expect(manager.Page.GetByTestId("adverse-summary")).ToContainTextAsync("1 adverse record: 1 positive drug test");
        await Expect(manager.Page.GetByTestId("evidence-reviews")).ToContainTextAsync("Exit decision");
        await manager.Page.GetByLabel("Approve: the person leaves the scheme").CheckAsync();
        await manager.Page.GetByLabel("Note", new() { Exact = true }).FillAsync("Agreed at the panel");
        await manager.ClickAsync(manager.Page.GetByTestId("save-decision"));

        await Expect(manager.Page.GetByTestId("success-banner")).ToContainTextAsync("Exit approved");
        await Expect(manager.Page.GetByTestId("case-status")).ToHaveTextAsync("Exited");
        await Expect(manager.Page.GetByTestId("case-exited")).ToBeVisibleAsync();
        await Expect(manager.Page.GetByTestId("log-intervention")).ToHaveCountAsync(0);
        await Expect(manager.Page.GetByTestId("nominate-exit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CaseloadReportAndTimeline_ForManager_Render()
    {
        await using var manager = await browser.NewSessionAsync();
        var page = manager.Page;
        await manager.SignInAsync(DemoUsers.PoliceManager);

        await manager.VisitAsync("/cases");
        var adam = page.GetByTestId("case-row").Filter(new() { HasText = "Adam Ashby" });
        await Expect(adam).ToContainTextAsync("Exit nominated");
        await manager.ClickAsync(page.GetByTestId("sort-link").Filter(new() { HasText = "Next review" }));
        await Expect(page.GetByTestId("caseload-table")).ToBeVisibleAsync();

        await manager.VisitAsync("/reports/iom");
        await Expect(page.GetByTestId("cohort-size")).ToContainTextAsync("Flex");
        await Expect(page.Locator("#offending-chart")).ToBeVisibleAsync();

        await manager.VisitAsync("/cases");
        await manager.ClickAsync(page.GetByTestId("case-row").Filter(new() { HasText = "Adam Ashby" }).GetByTestId("case-link"));
        await manager.ClickAsync(page.GetByTestId("change-allocation"));
        await Expect(page.GetByLabel("Priya Shah")).ToBeCheckedAsync();
        await manager.ClickAsync(page.GetByTestId("allocate-form").GetByRole(AriaRole.Link, new() { Name = "Cancel" }));
        await manager.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "The person's timeline" }));
        await Expect(page.GetByTestId("timeline-item").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DrugTestQuestions_WithoutJavaScript_AreShown_AndAnAnswerThatDoesNotApplyIsAnError()
    {
        var familyName = UniqueName.Of("Nojs");
        await using var officer = await browser.NewSessionAsync(javaScriptEnabled: false);
        var page = officer.Page;
        await officer.SignInAsync(DemoUsers.PoliceCaseworker);
        await officer.AddPersonAsync("Sam", familyName, new DateOnly(1990, 1, 2));
        await officer.ClickAsync(page.GetByTestId("person-nav-cases"));
        await officer.ClickAsync(page.GetByTestId("enrol-link"));
        await Group(page, "Scheme").GetByLabel("Integrated Offender Management", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Start date"), Today.AddDays(-10));
        await Group(page, "Cohort").GetByLabel("Flex", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why did the panel select the person?").FillAsync("Panel selection");
        await officer.ClickAsync(page.GetByTestId("save-case"));

        await officer.ClickAsync(page.GetByTestId("log-intervention"));
        await Expect(page.GetByTestId("drug-test-questions")).ToBeVisibleAsync();
        await page.GetByLabel("Home visit", new() { Exact = true }).CheckAsync();
        await Group(page, "Drug test result (drug tests only)").GetByLabel("Negative", new() { Exact = true }).CheckAsync();
        await officer.ClickAsync(page.GetByTestId("save-intervention"));

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Only a drug test has a result");
        await Expect(page.GetByTestId("drug-test-questions")).ToBeVisibleAsync();
    }

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });

    private static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
