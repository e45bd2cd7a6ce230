using System.Net;
using System.Text.RegularExpressions;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Home_WhenSignedOut_RedirectsToSignIn()
    {
        var client = NewBrowser();

        var response = await client.GetAsync("/people");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        var client = NewBrowser();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.PoliceCaseworker,
            ["Input.Password"] = factory.DemoPassword,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorSummary()
    {
        var client = NewBrowser();

        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = DemoUsers.DaatWorker, ["Input.Password"] = "wrong password" });

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("govuk-error-summary").And.Contain("The email address or password is not right");
        html.Should().Contain("<title>Error: Sign in");
    }

    [Fact]
    public async Task CreatePerson_WithErrors_KeepsAnswersAndShowsSummary()
    {
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, "/people/create", new()
        {
            ["Input.GivenName"] = "",
            ["Input.FamilyName"] = "Keptanswer",
            ["Input.DateOfBirth.Day"] = "31",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "1990",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("There is a problem").And.Contain("Date of birth must be a real date");
        html.Should().Contain("value=\"Keptanswer\"").And.Contain("value=\"31\"");
    }

    [Fact]
    public async Task CreatePerson_WithMissingName_ShowsTheValidatorsMessageOnTheField()
    {
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, "/people/create", new()
        {
            ["Input.GivenName"] = "",
            ["Input.FamilyName"] = "Nameless",
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "1990",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("href=\"#Input_GivenName\"").And.Contain("Enter the person&#x27;s given name");
        html.Should().Contain("govuk-form-group--error");
    }

    [Fact]
    public async Task CreatePerson_Valid_RedirectsToPersonPage()
    {
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, "/people/create", new()
        {
            ["Input.GivenName"] = "Paige",
            ["Input.FamilyName"] = "Formfill",
            ["Input.DateOfBirth.Day"] = "12",
            ["Input.DateOfBirth.Month"] = "6",
            ["Input.DateOfBirth.Year"] = "1995",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        page.Should().Contain("Paige Formfill").And.Contain("has been added");
    }

    [Fact]
    public async Task PersonPage_ForAnotherAgency_IsNotFound()
    {
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var created = await PostFormAsync(police, "/people/create", new()
        {
            ["Input.GivenName"] = "Only",
            ["Input.FamilyName"] = "Police",
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "1",
            ["Input.DateOfBirth.Year"] = "1980",
        });
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var response = await fit.GetAsync(created.Headers.Location!.ToString());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Page not found").And.NotContain("Only Police");
    }

    [Fact]
    public async Task PeoplePages_ForAdministrator_AreForbidden()
    {
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);

        var response = await admin.GetAsync("/people");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/forbidden");
    }

    [Fact]
    public async Task AdminPages_ForCaseworker_AreForbidden()
    {
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await caseworker.GetAsync("/admin/users");

        response.Headers.Location!.ToString().Should().Contain("/forbidden");
    }

    [Fact]
    public async Task HangfireDashboard_OpensForAdministratorOnly()
    {
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var anonymous = NewBrowser();

        var forAdmin = await admin.GetAsync("/hangfire/recurring");
        var forCaseworker = await caseworker.GetAsync("/hangfire");
        var forAnonymous = await anonymous.GetAsync("/hangfire");

        forAdmin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await forAdmin.Content.ReadAsStringAsync()).Should().Contain("housekeeping");
        forCaseworker.StatusCode.Should().NotBe(HttpStatusCode.OK);
        forAnonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AdminCreatesAgency_ThroughTheForm()
    {
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);

        var response = await PostFormAsync(admin, "/admin/agencies/create", new()
        {
            ["Input.Code"] = "WOMENS-AID",
            ["Input.Name"] = "Women's Aid",
            ["Input.Schemes"] = "Fit",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/admin/agencies")).Should().Contain("WOMENS-AID").And.Contain("Family Intervention Team");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var signOut = await PostFormAsync(client, "/account/sign-out", new(), tokenPage: "/");
        var after = await client.GetAsync("/people");

        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    private HttpClient NewBrowser() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var client = NewBrowser();
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = factory.DemoPassword });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? tokenPage = null)
    {
        var form = await client.GetStringAsync(tokenPage ?? path);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
