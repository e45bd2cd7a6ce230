using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

/// <summary>
/// A FIT keyworker records a household of four (DOMAIN.md FAM2), enrols it in Troubled Families (FAM3), adds plan
/// actions for two agencies (FAM1), checks eligibility with evidence (TF1, TF4) and the family's timeline. Every page
/// is scanned by axe on load (BrowserSession); the household and timeline pages also reflow at 320 pixels.
/// </summary>
public sealed class FamilyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Keyworker_RecordsAHouseholdOfFour_EnrolsItInTroubledFamilies_PlansWithTwoAgencies_AndSeesEligibilityAndTheTimeline()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        var family = UniqueName.Of("Fernley");
        await session.SignInAsync(DemoUsers.FitKeyworker);
        var today = DateOnly.FromDateTime(CaseManager.TestSupport.CaseManagerFactory.StartOfTests.UtcDateTime);
        var people = new (string Given, DateOnly Born, string Relationship)[]
        {
            ("Amy", new DateOnly(1985, 6, 1), "Parent or carer"),
            ("Rob", new DateOnly(1983, 2, 11), "Partner"),
            ("Kai", today.AddYears(-14), "Child"),
            ("Isla", today.AddYears(-9), "Child"),
        };
        foreach (var (given, born, _) in people)
        {
            await session.AddPersonAsync(given, family, born);
        }

        await session.VisitAsync("/households");
        await session.ClickAsync(page.GetByTestId("record-household"));
        await page.GetByLabel("Name of the household (optional)").FillAsync($"{family} family");
        await session.ClickAsync(page.GetByTestId("save-household"));
        await Expect(page.GetByTestId("household-heading")).ToHaveTextAsync($"{family} family");
        var householdPath = new Uri(page.Url).AbsolutePath;

        // A partner recorded as a child is refused on the form (FAM2: a child is 25 or under), and nothing is added.
        await AddMemberAsync(session, householdPath, $"Rob {family}", "Child");
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("is not recorded as a child");
        foreach (var (given, _, relationship) in people)
        {
            await AddMemberAsync(session, householdPath, $"{given} {family}", relationship);
            await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"{given} {family} has been added");
        }

        await Expect(page.GetByTestId("member-row")).ToHaveCountAsync(4);
        await AccessibilityAssert.ReflowsAsync(page);

        await session.ClickAsync(page.GetByTestId("enrol-household"));
        await page.Locator("input[name='Input.Scheme'][value='TroubledFamilies']").CheckAsync();
        await FillDateAsync(page, today.AddDays(-7));
        await session.ClickAsync(page.GetByTestId("save-family-case"));
        if (await page.GetByTestId("error-summary").CountAsync() > 0)
        {
            throw new InvalidOperationException(await page.GetByTestId("error-summary").InnerTextAsync() + " at " + page.Url);
        }

        await Expect(page.GetByTestId("case-status")).ToBeVisibleAsync();

        await session.ClickAsync(page.GetByTestId("family-plan"));
        foreach (var (description, agency) in new[] { ("Weekly family meeting", "FIT"), ("Tenancy sustainment visit", "HOUSING") })
        {
            await session.ClickAsync(page.GetByTestId("add-plan-action"));
            await page.GetByLabel("What is to be done").FillAsync(description);
            await page.GetByLabel("Whose action is it").SelectOptionAsync(agency);
            await FillDateAsync(page, today.AddDays(14));
            await session.ClickAsync(page.GetByTestId("save-plan-action"));
            await Expect(page.GetByTestId("success-banner")).ToContainTextAsync(description);
        }

        await Expect(page.GetByTestId("plan-action")).ToHaveCountAsync(2);

        await session.VisitAsync($"{householdPath}/eligibility");
        await Expect(page.GetByTestId("eligibility-attached")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("eligibility-criteria-1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("eligibility-criteria-2")).ToBeVisibleAsync();

        await session.VisitAsync($"{householdPath}/timeline");
        await Expect(page.GetByTestId("timeline-item").First).ToBeVisibleAsync();
        await page.GetByLabel("Agency").SelectOptionAsync("FIT");
        await session.ClickAsync(page.GetByTestId("filter-timeline"));
        await Expect(page.GetByTestId("timeline-item").First).ToContainTextAsync("FIT");
        await AccessibilityAssert.ReflowsAsync(page);
        (await page.TitleAsync()).Should().NotStartWith("Error: ");
    }

    private static async Task AddMemberAsync(BrowserSession session, string householdPath, string name, string relationship)
    {
        var page = session.Page;
        await session.VisitAsync($"{householdPath}/members/add?search={Uri.EscapeDataString(name)}");
        await page.GetByLabel(name, new() { Exact = false }).First.CheckAsync();
        await page.GetByLabel(relationship, new() { Exact = true }).CheckAsync();
        var joined = page.GetByRole(AriaRole.Group, new() { Name = "Date they joined the household" });
        await joined.GetByLabel("Day").FillAsync("1");
        await joined.GetByLabel("Month").FillAsync("1");
        await joined.GetByLabel("Year").FillAsync((CaseManager.TestSupport.CaseManagerFactory.StartOfTests.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ClickAsync(page.GetByTestId("save-member"));
    }

    private static async Task FillDateAsync(IPage page, DateOnly date)
    {
        await page.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
