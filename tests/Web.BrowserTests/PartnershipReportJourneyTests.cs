using CaseManager.Application.BreakGlass.UseBreakGlass;
using FluentAssertions;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

/// <summary>The information governance lead opens the partnership report, reads a chart's table and prints it.</summary>
public sealed class PartnershipReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PartnershipReport_ShowsAChartWithItsTableAndPrintsWithoutNavigation()
    {
        // Eleven break-glass uses this year, enough in two risk categories to be shown: the IG lead sees every agency's.
        var people = await browser.App.QueryDbAsync(db => db.People.OrderBy(p => p.FamilyName).Select(p => p.Id).Take(11).ToListAsync());
        for (var i = 0; i < people.Count; i++)
        {
            await browser.App.SendAsAsync<Application.BreakGlass.BreakGlassView>(i % 2 == 0 ? DemoUsers.FitKeyworker : DemoUsers.PoliceCaseworker,
                new UseBreakGlassCommand(people[i], "Reported threat to a child at the address tonight", i < 6 ? RiskCategory.ChildAtRisk : RiskCategory.RiskToLife));
        }

        await using var ig = await browser.NewSessionAsync();
        var page = ig.Page;
        await ig.SignInAsync(DemoUsers.InformationGovernance);
        await ig.VisitAsync("/reports");
        await ig.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Partnership report" }));

        await Expect(page.GetByTestId("report-basis")).ToContainTextAsync("Only records you may see");
        var vulnerable = page.GetByTestId("priority-VulnerablePeople");
        await Expect(vulnerable.Locator("#chart-BreakGlassUses")).ToBeVisibleAsync();
        var table = vulnerable.GetByTestId("series-BreakGlassUses");
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Child at risk 6" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Risk to life 5" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Adult at risk fewer than 5" })).ToBeVisibleAsync();
        await Expect(table.GetByTestId("total-BreakGlassUses")).ToHaveTextAsync("11");
        await Expect(vulnerable.GetByTestId("not-yet-recorded")).ToContainTextAsync("not yet recorded");
        await Expect(page.GetByTestId("print-report")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("period-form")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("priority-Families")).ToBeVisibleAsync();
        (await page.GetByTestId("priority-Families").EvaluateAsync<string>("s => getComputedStyle(s).breakBefore")).Should().Be("page");
    }

    [Fact]
    public async Task PartnershipReport_WithoutJavaScript_ShowsTheTablesAndHidesTheCharts()
    {
        await using var manager = await browser.NewSessionAsync(javaScriptEnabled: false);
        var page = manager.Page;
        await manager.SignInAsync("manager@daat.demo");
        await manager.VisitAsync("/reports/partnership");

        await Expect(page.GetByTestId("series-InTreatment")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("figure-LongTermSubstituteShare")).ToHaveTextAsync("42.9%");
        await Expect(page.GetByTestId("print-report")).ToBeHiddenAsync();
    }
}
