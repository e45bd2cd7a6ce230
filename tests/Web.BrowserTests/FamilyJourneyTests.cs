using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

/// <summary>
/// The administrator adds a housing caseworker; the information governance lead agrees that FIT and housing share
/// anti-social behaviour for Troubled Families with consent. A FIT keyworker records a household of four (DOMAIN.md
/// FAM2), enrols it in Troubled Families (FAM3), completes the whole-family assessment and a plan with actions for FIT
/// and housing (FAM1); the housing worker, who reads the family through a member's consent (IS7, IS7b), records a
/// housing ASB intervention on her through the person page and completes their action; the keyworker sees it done,
/// the eligibility checklist (TF1, TF4) with the housing record as crime and ASB evidence, and both agencies' entries
/// on the family's timeline. Every page is scanned by axe on load (BrowserSession); the household, ASB and timeline
/// pages also reflow at 320 pixels.
/// </summary>
public sealed class FamilyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string InitialPassword = "a-long-enough-initial-password";

    [Fact]
    public async Task Keyworker_RecordsAHouseholdOfFour_EnrolsItInTroubledFamilies_PlansWithTwoAgencies_AndSeesEligibilityAndTheTimeline()
    {
        var family = UniqueName.Of("Fernley");
        var today = DateOnly.FromDateTime(CaseManager.TestSupport.CaseManagerFactory.StartOfTests.UtcDateTime);
        var housingEmail = UniqueName.Of("tenancy.officer.").ToLowerInvariant() + "@housing.example";
        var housingName = UniqueName.Of("Sam Housing ");
        await AddHousingCaseworkerAsync(housingEmail, housingName);
        await AgreeAsbSharingAsync(today);

        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(DemoUsers.FitKeyworker);
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

        // Amy agrees that FIT and housing may see who the family are, the children's information and anti-social
        // behaviour for Troubled Families (IS7: the Think Family agreement and the ASB agreement need consent).
        await session.VisitAsync($"{paths[0]}/consents/create");
        await page.Locator("input[name='Input.Purpose'][value='TroubledFamilies']").CheckAsync();
        await page.Locator("input[name='Input.RecipientAgencies'][value='FIT']").CheckAsync();
        await page.Locator("input[name='Input.RecipientAgencies'][value='HOUSING']").CheckAsync();
        await page.Locator("input[name='Input.DataCategories'][value='Identity']").CheckAsync();
        await page.Locator("input[name='Input.DataCategories'][value='ChildrenSafeguarding']").CheckAsync();
        await page.Locator("input[name='Input.DataCategories'][value='Offending']").CheckAsync();
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

        // The housing worker reads Amy through her consent, records the tenancy warning housing gave her on her ASB
        // part (TF1 (a): a housing ASB intervention), then completes the action that is theirs.
        await using (var housing = await browser.NewSessionAsync())
        {
            var housingPage = housing.Page;
            await housing.SignInAsync(housingEmail, InitialPassword);
            await housing.VisitAsync(paths[0]);
            await housing.ClickAsync(housingPage.GetByTestId("person-nav-asb"));
            await Expect(housingPage.GetByTestId("no-asb")).ToBeVisibleAsync();
            await housing.ClickAsync(housingPage.GetByTestId("record-asb"));
            await housing.ClickAsync(housingPage.GetByTestId("save-asb"));
            await Expect(housingPage.GetByTestId("error-summary")).ToContainTextAsync("Select the kind of record");
            await Expect(housingPage.GetByTestId("error-summary")).ToContainTextAsync("Enter the date");
            await housingPage.GetByLabel("Housing intervention").CheckAsync();
            await FillDateAsync(housingPage, today.AddDays(-3));
            await housingPage.GetByLabel("Description (optional)").FillAsync("Tenancy warning for noise");
            await housing.ClickAsync(housingPage.GetByTestId("save-asb"));
            await Expect(housingPage.GetByTestId("success-banner")).ToContainTextAsync("Anti-social behaviour recorded: Housing intervention");
            await Expect(housingPage.GetByTestId("asb-row")).ToContainTextAsync("Tenancy warning for noise");
            await Expect(housingPage.GetByTestId("asb-row")).ToContainTextAsync("HOUSING");
            await AccessibilityAssert.ReflowsAsync(housingPage);

            await housing.VisitAsync($"{casePath}/plan");
            await housing.ClickAsync(housingPage.GetByRole(AriaRole.Link, new() { Name = "Tenancy sustainment visit" }));
            await FillDateAsync(housingPage, today);
            await housingPage.GetByLabel("Note (optional)").FillAsync("Visited, rent plan agreed");
            await housing.ClickAsync(housingPage.GetByTestId("save-complete-action"));
            await Expect(housingPage.GetByTestId("plan-actions")).ToContainTextAsync("Visited, rent plan agreed");
        }

        await session.VisitAsync($"{casePath}/plan");
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Done");

        // The keyworker sees housing's record as the evidence for crime and ASB (TF1 (a)), through Amy's consent.
        await session.VisitAsync($"{householdPath}/eligibility");
        await Expect(page.GetByTestId("eligibility-attached")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("eligibility-criteria-2")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("criterion-1-CrimeAsb")).ToContainTextAsync("Met");
        var evidence = page.GetByTestId("eligibility-evidence-1").Locator("tbody tr").Filter(new() { HasText = "Anti-social behaviour" });
        await Expect(evidence).ToHaveCountAsync(1);
        await Expect(evidence).ToContainTextAsync("Housing intervention");
        await Expect(evidence).ToContainTextAsync(LongDate(today.AddDays(-3)));

        // Rent arrears put the tenancy at risk: the keyworker records the partnership's local criterion (TF1 (d)) with its evidence.
        await session.VisitAsync(casePath);
        await session.ClickAsync(page.GetByTestId("record-local-criterion"));
        await session.ClickAsync(page.GetByTestId("save-local-criterion"));
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Select the criterion");
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter the evidence");
        await page.GetByLabel("At risk of eviction").CheckAsync();
        await page.GetByLabel("Who does it concern?").SelectOptionAsync(new SelectOptionValue { Label = $"Amy {family}" });
        await page.GetByLabel("Evidence").FillAsync("Notice seeking possession served for rent arrears");
        await AccessibilityAssert.ReflowsAsync(page);
        await session.ClickAsync(page.GetByTestId("save-local-criterion"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Local criterion recorded: At risk of eviction");
        await Expect(page.GetByTestId("criterion-1-Local")).ToContainTextAsync("Met");

        await session.VisitAsync($"{householdPath}/timeline");
        await Expect(page.GetByTestId("timeline-item").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline-item").Filter(new() { HasText = "Anti-social behaviour" })).ToHaveCountAsync(1);
        await page.GetByLabel("Agency").SelectOptionAsync("FIT");
        await session.ClickAsync(page.GetByTestId("filter-timeline"));
        await Expect(page.GetByTestId("timeline-item").First).ToContainTextAsync("FIT");
        await page.GetByLabel("Agency").SelectOptionAsync("HOUSING");
        await session.ClickAsync(page.GetByTestId("filter-timeline"));
        await Expect(page.GetByTestId("timeline-item").First).ToContainTextAsync("HOUSING");
        await Expect(page.GetByTestId("timeline-item").Filter(new() { HasText = "Anti-social behaviour" })).ToContainTextAsync("Tenancy warning for noise");
        await AccessibilityAssert.ReflowsAsync(page);
        (await page.TitleAsync()).Should().NotStartWith("Error: ");
    }

    [Fact]
    public async Task Partner_RecordsEducationAndAWorkSpell_TheQuestionsEachAnswerTakesAreRevealed_AndEveryPagePassesAxeAndReflows()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        var today = DateOnly.FromDateTime(CaseManager.TestSupport.CaseManagerFactory.StartOfTests.UtcDateTime);
        await session.SignInAsync(DemoUsers.FitKeyworker);
        var person = await session.AddPersonAsync("Lola", UniqueName.Of("Outcomes"), today.AddYears(-13));

        // Education: each kind reveals only its questions; a term's attendance asks for the term and its sessions.
        await session.VisitAsync($"{person}?section=education");
        await Expect(page.GetByTestId("no-education")).ToBeVisibleAsync();
        await session.ClickAsync(page.GetByTestId("record-education"));
        await Expect(page.GetByTestId("education-term")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("education-date")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Fixed-term exclusion", Exact = true }).CheckAsync();
        await Expect(page.GetByTestId("education-date")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("education-days")).ToBeVisibleAsync();
        await page.GetByLabel("Number of school days excluded (fixed-term exclusions, optional)").FillAsync("3");
        await page.GetByRole(AriaRole.Radio, new() { Name = "A term's attendance", Exact = true }).CheckAsync();
        await Expect(page.GetByTestId("education-days")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("education-term")).ToBeVisibleAsync();
        await page.GetByLabel("Term (a term's attendance)").SelectOptionAsync(new SelectOptionValue { Label = $"Summer {today.Year}" });
        await page.GetByLabel("Sessions possible (a term's attendance)").FillAsync("120");
        await page.GetByLabel("Sessions of unauthorised absence (a term's attendance)").FillAsync("30");
        await AccessibilityAssert.ReflowsAsync(page);
        await session.ClickAsync(page.GetByTestId("save-education"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Education recorded: A term's attendance");
        await Expect(page.GetByTestId("education-row")).ToContainTextAsync("30 of 120 sessions missed without authority (25%)");
        await AccessibilityAssert.ReflowsAsync(page);

        // Work and benefits: the benefit question shows under an out-of-work benefit; the spell is ended on its own page.
        await session.ClickAsync(page.GetByTestId("person-nav-employment"));
        await session.ClickAsync(page.GetByTestId("record-employment"));
        await Expect(page.GetByTestId("benefit-question")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Out-of-work benefit", Exact = true }).CheckAsync();
        await Expect(page.GetByTestId("benefit-question")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Universal Credit", Exact = true }).CheckAsync();
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "From" }), today.AddMonths(-6));
        await AccessibilityAssert.ReflowsAsync(page);
        await session.ClickAsync(page.GetByTestId("save-employment"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Out-of-work benefit from");
        await Expect(page.GetByTestId("employment-row")).ToContainTextAsync("Universal Credit");
        await Expect(page.GetByTestId("employment-row")).ToContainTextAsync("Ongoing");
        await AccessibilityAssert.ReflowsAsync(page);
        await session.ClickAsync(page.GetByTestId("end-employment"));
        await FillDateAsync(page, today.AddDays(-1));
        await session.ClickAsync(page.GetByTestId("save-end-employment"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"ended on {LongDate(today.AddDays(-1))}");
        await Expect(page.GetByTestId("end-employment")).ToHaveCountAsync(0);

        // Without JavaScript every question shows, each saying which answer it is for.
        await using var plain = await browser.NewSessionAsync(javaScriptEnabled: false);
        await plain.SignInAsync(DemoUsers.FitKeyworker);
        await plain.VisitAsync($"{person}/education/record");
        await Expect(plain.Page.GetByTestId("education-date")).ToBeVisibleAsync();
        await Expect(plain.Page.GetByTestId("education-days")).ToBeVisibleAsync();
        await Expect(plain.Page.GetByTestId("education-term")).ToBeVisibleAsync();
        await plain.VisitAsync($"{person}/employment/record");
        await Expect(plain.Page.GetByTestId("benefit-question")).ToBeVisibleAsync();
    }

    private static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The administrator adds a housing caseworker with an initial password (/admin/users/create).</summary>
    private async Task AddHousingCaseworkerAsync(string email, string name)
    {
        await using var admin = await browser.NewSessionAsync();
        var page = admin.Page;
        await admin.SignInAsync(DemoUsers.Administrator);
        await admin.VisitAsync("/admin/users/create");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Agency").SelectOptionAsync("HOUSING");
        await page.GetByLabel("Caseworker").CheckAsync();
        await page.GetByLabel("Initial password (optional)").FillAsync(InitialPassword);
        await admin.ClickAsync(page.GetByTestId("save-user"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"{name} has been added");
    }

    /// <summary>
    /// The Think Family agreement has no offending information, so the information governance lead agrees that FIT
    /// and housing share anti-social behaviour for Troubled Families, with the person's consent (IS7 (2)).
    /// </summary>
    private async Task AgreeAsbSharingAsync(DateOnly today)
    {
        await using var ig = await browser.NewSessionAsync();
        var page = ig.Page;
        await ig.SignInAsync(DemoUsers.InformationGovernance);
        await ig.VisitAsync("/governance/agreements");
        await ig.ClickAsync(page.GetByTestId("add-agreement"));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(UniqueName.Of("Troubled Families: anti-social behaviour with consent "));
        var agencies = page.GetByRole(AriaRole.Group, new() { Name = "Which agencies share under it?" });
        await agencies.GetByLabel("Family Intervention Team").CheckAsync();
        await agencies.GetByLabel("Housing Services").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which information may they share?" }).GetByLabel("Offending").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "For which schemes?" }).GetByLabel("Troubled Families").CheckAsync();
        await page.GetByLabel("Public task").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Does sharing need the person's consent?" }).GetByLabel("Yes").CheckAsync();
        var starts = page.GetByRole(AriaRole.Group, new() { Name = "Starts on" });
        await starts.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await starts.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await starts.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ig.ClickAsync(page.GetByTestId("save-agreement"));
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("has been created");
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
