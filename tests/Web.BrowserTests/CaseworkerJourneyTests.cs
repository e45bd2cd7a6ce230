using CaseManager.TestSupport;
using System.Text.RegularExpressions;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class CaseworkerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly DateOfBirth = new(1988, 3, 14);

    [Fact]
    public async Task AddPerson_WithMistakesThenCorrected_IsSavedFoundAndSignedOut()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        var familyName = UniqueName.Of("Ashcombe");
        await session.SignInAsync(DemoUsers.PoliceCaseworker);

        await session.VisitAsync("/people/create");
        await page.GetByLabel("Family name").FillAsync(familyName);
        await session.FillDateOfBirthAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1));
        await session.ClickAsync(page.GetByTestId("save-person"));

        await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter the person's given name");
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Date of birth must be in the past");
        (await page.TitleAsync()).Should().StartWith("Error: ");
        await Expect(page.GetByLabel("Family name")).ToHaveValueAsync(familyName);

        await page.GetByLabel("Given name").FillAsync("Dale");
        await session.FillDateOfBirthAsync(DateOfBirth);
        await session.ClickAsync(page.GetByTestId("save-person"));

        await Expect(page.GetByTestId("person-name")).ToHaveTextAsync($"Dale {familyName}");
        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync($"Dale {familyName} has been added");
        (await page.TitleAsync()).Should().NotStartWith("Error: ");

        await session.SearchPeopleAsync(familyName);

        await Expect(page.GetByTestId("person-link")).ToHaveTextAsync($"{familyName}, Dale");

        await session.ClickAsync(page.GetByTestId("sign-out"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CaseManager" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sign-out")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PersonAddedByPolice_ViewedByFitCaseworker_IsNeitherFoundNorShown()
    {
        var familyName = UniqueName.Of("Brackley");
        string personPath;
        await using (var police = await browser.NewSessionAsync())
        {
            await police.SignInAsync(DemoUsers.PoliceCaseworker);
            personPath = await police.AddPersonAsync("Lee", familyName, DateOfBirth);
            await Expect(police.Page.GetByTestId("person-name")).ToHaveTextAsync($"Lee {familyName}");
        }

        await using var fit = await browser.NewSessionAsync();
        await fit.SignInAsync(DemoUsers.FitKeyworker);

        await fit.SearchPeopleAsync(familyName);

        await Expect(fit.Page.GetByTestId("no-results")).ToBeVisibleAsync();
        await Expect(fit.Page.GetByTestId("person-link")).ToHaveCountAsync(0);

        await fit.VisitAsync(personPath);

        await Expect(fit.Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(fit.Page.GetByText(familyName)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AddPerson_WithoutJavaScript_IsSaved()
    {
        await using var session = await browser.NewSessionAsync(javaScriptEnabled: false);
        var familyName = UniqueName.Of("Crathorne");
        await session.SignInAsync(DemoUsers.PoliceCaseworker);

        await session.AddPersonAsync("Kim", familyName, DateOfBirth);

        await Expect(session.Page.GetByTestId("person-name")).ToHaveTextAsync($"Kim {familyName}");
        await Expect(session.Page.GetByTestId("success-banner")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("body")).Not.ToHaveClassAsync(new Regex("js-enabled"));
    }
}
