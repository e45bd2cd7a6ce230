using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using FluentAssertions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_RefusesCorrectPasswordAsLocked()
    {
        await using var session = await browser.NewSessionAsync();
        await session.VisitAsync("/");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await session.SubmitSignInAsync(DemoUsers.ProbationCaseworker, $"wrong-password-{attempt}");
        }

        await session.SubmitSignInAsync(DemoUsers.ProbationCaseworker);

        await Expect(session.Page.GetByTestId("error-summary")).ToContainTextAsync("locked");
        await Expect(session.Page.GetByTestId("sign-out")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorAndKeepsEmail()
    {
        await using var session = await browser.NewSessionAsync();

        await session.SignInAsync(DemoUsers.FitKeyworker, "not-the-password");

        (await session.Page.TitleAsync()).Should().StartWith("Error: ");
        await Expect(session.Page.GetByTestId("error-summary")).ToContainTextAsync("The email address or password is not right.");
        await Expect(session.Page.GetByLabel("Email address")).ToHaveValueAsync(DemoUsers.FitKeyworker);
        await Expect(session.Page.GetByLabel("Password")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task OpenPeople_WhenSignedOut_SignsInAndReturnsToPeople()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.VisitAsync("/people");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CaseManager" })).ToBeVisibleAsync();

        await session.SubmitSignInAsync(DemoUsers.FitKeyworker);

        new Uri(page.Url).AbsolutePath.Should().Be("/people");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("header-user")).ToContainTextAsync("Jo Pearson");
    }
}
