using System.Globalization;
using System.Text.RegularExpressions;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

/// <summary>
/// The treatment journey (DT1–DT4): a recovery worker opens an episode, records the start TOP through the question
/// pages and check your answers, starts methadone maintenance, records a review TOP, ends the prescription and
/// nominates the discharge as completed (DT2); a manager approves; the treatment report counts the successful
/// completion. Every page visited is scanned with axe and checked for reflow at 320 pixels.
/// </summary>
public sealed partial class TreatmentJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    [Fact]
    public async Task TreatmentEpisode_OpenedWithTopsAndMethadone_IsDischargedAsCompletedAndTheReportCountsIt()
    {
        var familyName = UniqueName.Of("Recovery");
        var start = Today.AddDays(-200);

        await using var manager = await browser.NewSessionAsync();
        await manager.SignInAsync(DemoUsers.DaatManager);
        var (successfulBefore, dischargesBefore) = await CompletionsAsync(manager);

        await using var worker = await browser.NewSessionAsync();
        var page = worker.Page;
        await worker.SignInAsync(DemoUsers.DaatWorker);
        await worker.AddPersonAsync("Kerry", familyName, new DateOnly(1981, 4, 12));

        await worker.ClickAsync(page.GetByTestId("person-nav-cases"));
        await worker.ClickAsync(page.GetByTestId("enrol-link"));
        await Group(page, "Scheme").GetByLabel("Adult drug and alcohol treatment", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Start date"), start);
        await FillDateAsync(Group(page, "Referral date"), start.AddDays(-10));
        await page.GetByLabel("Referral source").FillAsync("GP");
        await page.GetByLabel("Primary substance").SelectOptionAsync("Heroin");
        await Group(page, "Injecting status").GetByLabel("Previously injected", new() { Exact = true }).CheckAsync();
        await worker.ClickAsync(page.GetByTestId("save-case"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("has been enrolled in Adult drug and alcohol treatment");
        await Expect(page.GetByTestId("treatment-details")).ToContainTextAsync("Heroin");

        // The start TOP: four short question pages, then check your answers.
        await worker.ClickAsync(page.GetByTestId("record-top"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("About this TOP");
        await Group(page, "When is this TOP?").GetByLabel("Start of treatment", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Date completed"), start);
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Substance use in the last 28 days");
        await page.GetByLabel("Illicit opiates", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("Crack", new() { Exact = true }).FillAsync("lots");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Illicit opiates must be a whole number from 0 to 28");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Crack must be a whole number from 0 to 28");
        await page.GetByLabel("Illicit opiates", new() { Exact = true }).FillAsync("26");
        await page.GetByLabel("Crack", new() { Exact = true }).FillAsync("4");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Injecting and crime in the last 28 days");
        await page.GetByLabel("Shoplifting", new() { Exact = true }).FillAsync("6");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Health, quality of life, work and housing");
        await page.GetByLabel("Overall quality of life", new() { Exact = true }).FillAsync("6");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers");
        await Expect(page.GetByTestId("top-answers-2")).ToContainTextAsync("26");
        await worker.ClickAsync(page.GetByTestId("change-ShopliftingDays"));
        await page.GetByLabel("Shoplifting", new() { Exact = true }).FillAsync("5");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers");
        await Expect(page.GetByTestId("top-answers-3")).ToContainTextAsync("5");
        await worker.ClickAsync(page.GetByTestId("save-top"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Start of treatment TOP");

        // Methadone maintenance.
        await worker.ClickAsync(page.GetByTestId("start-treatment-intervention"));
        await page.GetByLabel("Pharmacological", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Medication").SelectOptionAsync("Methadone");
        await page.GetByLabel("Maintenance", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Start date"), start.AddDays(1));
        await worker.ClickAsync(page.GetByTestId("save-intervention"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Pharmacological started");
        await Expect(page.GetByTestId("treatment-interventions")).ToContainTextAsync("Methadone (maintenance)");

        // The review TOP, through the same pages.
        await worker.ClickAsync(page.GetByTestId("record-top"));
        await Group(page, "When is this TOP?").GetByLabel("Review", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Date completed"), Today.AddDays(-20));
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await page.GetByLabel("Illicit opiates", new() { Exact = true }).FillAsync("0");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await page.GetByLabel("Overall quality of life", new() { Exact = true }).FillAsync("15");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.GetByTestId("top-answers-1")).ToContainTextAsync("Review");
        await worker.ClickAsync(page.GetByTestId("save-top"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Review TOP");
        await Expect(page.GetByTestId("top-chart")).ToBeVisibleAsync();

        // DT2: an opiate client still on substitute medication at exit is not a successful completion, so the
        // prescription ends before the discharge.
        await worker.ClickAsync(page.GetByTestId("end-treatment-intervention"));
        await FillDateAsync(Group(page, "End date"), Today.AddDays(-7));
        await worker.ClickAsync(page.GetByTestId("save-end"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("ended on");

        await worker.ClickAsync(page.GetByTestId("nominate-exit"));
        await page.GetByLabel("Treatment completed: drug-free").CheckAsync();
        await page.GetByLabel("Explain the nomination").FillAsync("Drug-free for two months; methadone reduction completed");
        await worker.ClickAsync(page.GetByTestId("continue-nomination"));
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Treatment completed: drug-free");
        await worker.ClickAsync(page.GetByTestId("confirm-nomination"));
        await Expect(page.GetByTestId("nomination-confirmation")).ToContainTextAsync("Exit nomination sent");

        await manager.VisitAsync("/cases");
        await manager.ClickAsync(manager.Page.GetByTestId("exit-queue-link"));
        var nomination = manager.Page.GetByTestId("exit-queue-row").Filter(new() { HasText = familyName });
        await manager.ClickAsync(nomination.GetByTestId("decide-link"));
        await Expect(manager.Page.GetByTestId("nomination-details")).ToContainTextAsync("Drug-free for two months");
        await manager.Page.GetByLabel("Approve: the person leaves the scheme").CheckAsync();
        await manager.ClickAsync(manager.Page.GetByTestId("save-decision"));
        await Expect(manager.Page.GetByTestId("success-banner")).ToContainTextAsync("Exit approved");
        await Expect(manager.Page.GetByTestId("case-status")).ToHaveTextAsync("Exited");

        var (successfulAfter, dischargesAfter) = await CompletionsAsync(manager);
        successfulAfter.Should().Be(successfulBefore + 1, "the discharge is a successful completion (DT2)");
        dischargesAfter.Should().Be(dischargesBefore + 1);
    }

    [Fact]
    public async Task TopQuestionPages_WithoutJavaScript_ListEveryErrorAndRecordTheTopThroughCheckYourAnswers()
    {
        var familyName = UniqueName.Of("NojsTop");
        var start = Today.AddDays(-60);
        await using var worker = await browser.NewSessionAsync(javaScriptEnabled: false);
        var page = worker.Page;
        await worker.SignInAsync(DemoUsers.DaatWorker);
        await worker.AddPersonAsync("Robin", familyName, new DateOnly(1990, 2, 3));
        await worker.ClickAsync(page.GetByTestId("person-nav-cases"));
        await worker.ClickAsync(page.GetByTestId("enrol-link"));
        await Group(page, "Scheme").GetByLabel("Adult drug and alcohol treatment", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Start date"), start);
        await FillDateAsync(Group(page, "Referral date"), start.AddDays(-5));
        await page.GetByLabel("Referral source").FillAsync("Self");
        await page.GetByLabel("Primary substance").SelectOptionAsync("Alcohol");
        await Group(page, "Injecting status").GetByLabel("Never injected", new() { Exact = true }).CheckAsync();
        await worker.ClickAsync(page.GetByTestId("save-case"));

        await worker.ClickAsync(page.GetByTestId("record-top"));
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the stage of the TOP");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date the TOP was completed");
        await Group(page, "When is this TOP?").GetByLabel("Start of treatment", new() { Exact = true }).CheckAsync();
        await FillDateAsync(Group(page, "Date completed"), start);
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await page.GetByLabel("Alcohol", new() { Exact = true }).FillAsync("20");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await page.GetByLabel("Psychological health", new() { Exact = true }).FillAsync("25");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Psychological health must be a whole number from 0 to 20");
        await page.GetByLabel("Psychological health", new() { Exact = true }).FillAsync("9");
        await worker.ClickAsync(page.GetByTestId("continue-top"));
        await Expect(page.GetByTestId("top-answers-2")).ToContainTextAsync("20");
        await Expect(page.GetByTestId("top-answers-3")).ToContainTextAsync("Not answered");
        await worker.ClickAsync(page.GetByTestId("save-top"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Start of treatment TOP");
    }

    /// <summary>The report's successful completions and discharges for its default period, read from the shares table.</summary>
    private static async Task<(int Successful, int Discharges)> CompletionsAsync(BrowserSession session)
    {
        await session.VisitAsync("/reports/treatment");
        var row = session.Page.GetByTestId("outcomes-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Discharges that were successful completions" });
        var text = await row.Locator("td").First.InnerTextAsync();
        var match = OfPattern().Match(text);
        match.Success.Should().BeTrue("the row reads \"n of m\", not \"{0}\"", text);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(\d+) of (\d+)")]
    private static partial Regex OfPattern();

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });

    private static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
