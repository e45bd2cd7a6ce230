using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class AdministratorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string InitialPassword = "a-long-enough-initial-password";

    [Fact]
    public async Task CreateAgencyAndUser_ThenDisableUser_EndsUserSessionAndAdministratorSeesNoCaseData()
    {
        await using var admin = await browser.NewSessionAsync();
        var page = admin.Page;
        var userEmail = UniqueName.Of("worker.") + "@refuge.example";
        var userName = UniqueName.Of("Robin ");
        await admin.SignInAsync(DemoUsers.Administrator);
        await admin.VisitAsync("/admin");

        await admin.ClickAsync(page.GetByTestId("admin-agencies"));
        await admin.ClickAsync(page.GetByTestId("add-agency"));
        await page.GetByLabel("Code").FillAsync("REFUGE");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Women's Refuge");
        await page.GetByLabel("Family Intervention Team").CheckAsync();
        await page.GetByLabel("High impact households").CheckAsync();
        await admin.ClickAsync(page.GetByTestId("save-agency"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Women's Refuge (REFUGE) has been added");
        await Expect(page.GetByTestId("agencies-table")).ToContainTextAsync("Family Intervention Team, High impact households");

        await admin.VisitAsync("/admin");
        await admin.ClickAsync(page.GetByTestId("admin-users"));
        await admin.ClickAsync(page.GetByTestId("add-user"));
        await page.GetByLabel("Email address").FillAsync(userEmail);
        await page.GetByLabel("Full name").FillAsync(userName);
        await page.GetByLabel("Agency").SelectOptionAsync("REFUGE");
        await page.GetByLabel("Caseworker").CheckAsync();
        await page.GetByLabel("Manager").CheckAsync();
        await page.GetByLabel("Initial password (optional)").FillAsync(InitialPassword);
        await admin.ClickAsync(page.GetByTestId("save-user"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"{userName} has been added");
        var userRow = page.GetByTestId("user-row").Filter(new() { HasText = userEmail });
        await Expect(userRow).ToContainTextAsync("REFUGE");
        await Expect(userRow).ToContainTextAsync("Caseworker, Manager");
        await Expect(userRow).ToContainTextAsync("Active");

        await using var newUser = await browser.NewSessionAsync();
        await newUser.SignInAsync(userEmail, InitialPassword);

        await Expect(newUser.Page.GetByTestId("header-user")).ToContainTextAsync(userName);
        await Expect(newUser.Page.GetByTestId("find-person")).ToBeVisibleAsync();

        await admin.ClickAsync(userRow.GetByRole(AriaRole.Link, new() { Name = "Disable" }));
        await admin.ClickAsync(page.GetByTestId("confirm-disable"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"{userName} has been disabled");
        await Expect(userRow).ToContainTextAsync("Disabled");
        await Expect(userRow.GetByRole(AriaRole.Link, new() { Name = "Disable" })).ToHaveCountAsync(0);

        await newUser.VisitAsync("/people");

        await Expect(newUser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CaseManager" })).ToBeVisibleAsync();

        await newUser.SubmitSignInAsync(userEmail, InitialPassword);

        await Expect(newUser.Page.GetByTestId("error-summary")).ToContainTextAsync("The email address or password is not right.");

        await admin.VisitAsync("/");

        await Expect(page.GetByTestId("admin-home")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("find-person")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("add-person")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);

        await admin.VisitAsync("/people");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this page" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RunJob_AsAdministrator_IsQueued()
    {
        await using var admin = await browser.NewSessionAsync();
        await admin.SignInAsync(DemoUsers.Administrator);
        await admin.VisitAsync("/admin");

        await admin.ClickAsync(admin.Page.GetByTestId("admin-jobs"));
        await admin.ClickAsync(admin.Page.GetByTestId("run-housekeeping"));

        await Expect(admin.Page.GetByTestId("success-banner")).ToContainTextAsync("The job ‘Housekeeping’ has been queued to run now");
    }
}
