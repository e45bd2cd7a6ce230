using System.Globalization;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class HomeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Home_AsACaseworker_ShowsTheDaysCounts_EachLinkingToTheListItCounts()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(DemoUsers.PoliceCaseworker);

        await session.VisitAsync("/");

        await Expect(page.GetByTestId("my-day")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("count-caseload")).ToContainTextAsync("in your caseload");
        await Expect(page.GetByTestId("count-exit-nominations")).ToHaveCountAsync(0);
        var overdue = await page.GetByTestId("count-reviews-overdue-number").TextContentAsync();

        await session.ClickAsync(page.GetByTestId("count-reviews-overdue").GetByRole(AriaRole.Link));

        await Expect(page.GetByTestId("tab-overdue")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("tab-overdue-count")).ToContainTextAsync(overdue!);
        var rows = await page.GetByTestId("review-row").CountAsync();
        rows.ToString(CultureInfo.InvariantCulture).Should().Be(overdue, "the home page counts the list it links to");
    }

    [Fact]
    public async Task Home_AsAManager_ShowsTheExitNominationsWaiting_AndAnAdministratorSeesTheirSummary()
    {
        await using var manager = await browser.NewSessionAsync();
        await manager.SignInAsync(DemoUsers.PoliceManager);

        await manager.VisitAsync("/");

        await Expect(manager.Page.GetByTestId("count-exit-nominations")).ToContainTextAsync("waiting for your decision");
        await manager.ClickAsync(manager.Page.GetByTestId("count-exit-nominations").GetByRole(AriaRole.Link));
        await Expect(manager.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases/exits$"));

        await using var admin = await browser.NewSessionAsync();
        await admin.SignInAsync(DemoUsers.Administrator);
        await admin.VisitAsync("/");

        await Expect(admin.Page.GetByTestId("admin-summary")).ToContainTextAsync("user accounts");
        await Expect(admin.Page.GetByTestId("count-caseload")).ToHaveCountAsync(0);
    }
}
