using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

/// <summary>
/// A FIT keyworker records a household of four (DOMAIN.md FAM2), enrols it in Troubled Families (FAM3), completes the
/// whole-family assessment and a plan with actions for FIT and the drug and alcohol team (FAM1); the DAAT worker, who
/// reads the family through a member's consent (IS7, IS7b), completes their action; the keyworker sees it done, the
/// eligibility checklist (TF1, TF4) and the family's timeline. Every page is scanned by axe on load (BrowserSession);
/// the household and timeline pages also reflow at 320 pixels.
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
        var paths = new List<string>();
        foreach (var (given, born, _) in people)
        {
            paths.Add(await session.AddPersonAsync(given, family, born));
        }

        // Amy agrees that the Think Family partners, the drug and alcohol team among them, may see who the family are
        // and the children's information for Troubled Families (IS7: the Think Family agreement needs consent).
        await session.VisitAsync($"{paths[0]}/consents/create");
        await page.Locator("input[name='Input.Purpose'][value='TroubledFamilies']").CheckAsync();
        await page.Locator("input[name='Input.RecipientAgencies'][value='DAAT']").CheckAsync();
        await page.Locator("input[name='Input.DataCategories'][value='Identity']").CheckAsync();
        await page.Locator("input[name='Input.DataCategories'][value='ChildrenSafeguarding']").CheckAsync();
        await page.Locator("input[name='Input.Status'][value='Given']").CheckAsync();
        await page.Locator("input[name='Input.GivenBy'][value='Self']").CheckAsync();
        var recorded = page.GetByRole(AriaRole.Group, new() { Name = "Date consent was given or refused" });
        await recorded.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await recorded.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await recorded.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ClickAsync(page.GetByTestId("save-consent"));
        await Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);

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
        var casePath = new Uri(page.Url).AbsolutePath;

        // One whole-family assessment (FAM1): needs for the family and per member, and a summary.
        await session.ClickAsync(page.GetByTestId("family-assessment"));
        await FillDateAsync(page, today);
        await page.GetByRole(AriaRole.Group, new() { Name = "Needs of the whole family" }).GetByLabel("Housing", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = $"Needs of Amy {family}" }).GetByLabel("Work", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Summary").FillAsync("Rent arrears and a tenancy at risk; Amy wants work");
        await session.ClickAsync(page.GetByTestId("save-assessment"));
        await Expect(page.GetByText("Rent arrears and a tenancy at risk; Amy wants work")).ToBeVisibleAsync();
        await session.VisitAsync(casePath);

        await session.ClickAsync(page.GetByTestId("family-plan"));
        foreach (var (description, agency) in new[] { ("Weekly family meeting", "FIT"), ("Alcohol screening with Rob", "DAAT") })
        {
            await session.ClickAsync(page.GetByTestId("add-plan-action"));
            await page.GetByLabel("What is to be done").FillAsync(description);
            await page.GetByLabel("Whose action is it").SelectOptionAsync(agency);
            await FillDateAsync(page, today.AddDays(14));
            await session.ClickAsync(page.GetByTestId("save-plan-action"));
            await Expect(page.GetByTestId("success-banner")).ToContainTextAsync(description);
        }

        await Expect(page.GetByTestId("plan-action")).ToHaveCountAsync(2);

        // The drug and alcohol team's worker sees the plan through Amy's consent and completes the action that is theirs.
        await using (var daat = await browser.NewSessionAsync())
        {
            await daat.SignInAsync(DemoUsers.DaatWorker);
            await daat.VisitAsync($"{casePath}/plan");
            await daat.ClickAsync(daat.Page.GetByRole(AriaRole.Link, new() { Name = "Alcohol screening with Rob" }));
            await FillDateAsync(daat.Page, today);
            await daat.Page.GetByLabel("Note (optional)").FillAsync("Screened, no further treatment needed");
            await daat.ClickAsync(daat.Page.GetByTestId("save-complete-action"));
            await Expect(daat.Page.GetByTestId("plan-actions")).ToContainTextAsync("Screened, no further treatment needed");
        }

        await session.VisitAsync($"{casePath}/plan");
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Done");

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
