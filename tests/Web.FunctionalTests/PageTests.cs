using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseManager.Application.BreakGlass;
using CaseManager.Application.BreakGlass.UseBreakGlass;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Identity;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task CreatePerson_WithABidiOverrideInTheName_ShowsThePlainTextErrorOnTheFieldAndAddsNobody()
    {
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, "/people/create", new()
        {
            ["Input.GivenName"] = "Over‮ridden",
            ["Input.FamilyName"] = "Bidi",
            ["Input.DateOfBirth.Day"] = "1",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "1990",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("href=\"#Input_GivenName\"").And.Contain("must not contain control or invisible formatting characters");
        (await factory.QueryDbAsync(db => db.People.CountAsync(p => p.FamilyName == "Bidi"))).Should().Be(0);
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

    [Fact]
    public async Task GovernancePages_ForCaseworker_AreForbidden()
    {
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await caseworker.GetAsync("/governance");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/forbidden");
    }

    [Fact]
    public async Task SubjectAccessJsonDownload_AsInformationGovernance_IsAnAttachmentWithThePersonAndTheirAccessLog()
    {
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id).SingleAsync());
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        (await police.GetAsync($"/people/{adam}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var response = await ig.GetAsync($"/governance/subject-access/{adam}?handler=json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        using var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        export.RootElement.GetProperty("person").GetProperty("familyName").GetString().Should().Be("Ashby");
        export.RootElement.GetProperty("accessLog").EnumerateArray()
            .Should().Contain(entry => entry.GetProperty("action").GetString() == "person.read"
                && entry.GetProperty("actorEmail").GetString() == DemoUsers.PoliceCaseworker);
    }

    [Fact]
    public async Task SubjectAccessCsvDownload_AsInformationGovernance_QuotesFieldsAsRfc4180()
    {
        var tom = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Tindall").Select(p => p.Id).SingleAsync());
        await factory.SendAsAsync<BreakGlassView>(DemoUsers.FitKeyworker,
            new UseBreakGlassCommand(tom, "He said \"tonight\", then hung up, and the line went dead", RiskCategory.RiskToLife));
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var response = await ig.GetAsync($"/governance/subject-access/{tom}?handler=csv");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var csv = await response.Content.ReadAsStringAsync();
        csv.Should().StartWith("Entry,Time,User,");
        csv.Should().Contain(",\"RiskToLife until ").And.Contain("He said \"\"tonight\"\", then hung up, and the line went dead\"\r\n");
    }

    [Fact]
    public async Task SubjectAccessForm_WithTheDateReceived_ShowsTheRespondByDateCountedFromIt()
    {
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id).SingleAsync());
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var form = await ig.GetAsync($"/governance/subject-access?Input.PersonId={adam}&Input.ReceivedOn.Day=3&Input.ReceivedOn.Month=3&Input.ReceivedOn.Year=2026");
        var page = await ig.GetStringAsync(form.Headers.Location!.ToString());
        var future = await ig.GetStringAsync($"/governance/subject-access?Input.PersonId={adam}&Input.ReceivedOn.Day=1&Input.ReceivedOn.Month=1&Input.ReceivedOn.Year=2027");

        form.StatusCode.Should().Be(HttpStatusCode.Redirect);
        form.Headers.Location!.ToString().Should().Be($"/governance/subject-access/{adam}?receivedOn=2026-03-03");
        page.Should().Contain("3 March 2026").And.Contain("7 April 2026", "3 April is Good Friday and 6 April Easter Monday");
        page.Should().Contain("handler=json&amp;receivedOn=2026-03-03");
        future.Should().Contain("There is a problem").And.Contain("cannot be in the future");
    }

    [Fact]
    public async Task SubjectAccessForm_WithAnExtension_ShowsTheExtendedDate_AndRefusesALateOne()
    {
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id).SingleAsync());
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);
        var received = "Input.ReceivedOn.Day=3&Input.ReceivedOn.Month=11&Input.ReceivedOn.Year=2026";

        var form = await ig.GetAsync($"/governance/subject-access?Input.PersonId={adam}&{received}&Input.ExtensionToldOn.Day=10&Input.ExtensionToldOn.Month=11&Input.ExtensionToldOn.Year=2026");
        var page = await ig.GetStringAsync(form.Headers.Location!.ToString());
        var late = await ig.GetStringAsync($"/governance/subject-access?Input.PersonId={adam}&Input.ReceivedOn.Day=1&Input.ReceivedOn.Month=10&Input.ReceivedOn.Year=2026&Input.ExtensionToldOn.Day=3&Input.ExtensionToldOn.Month=11&Input.ExtensionToldOn.Year=2026");

        form.Headers.Location!.ToString().Should().Be($"/governance/subject-access/{adam}?receivedOn=2026-11-03&extensionToldOn=2026-11-10");
        page.Should().Contain("3 February 2027").And.Contain("extended: the person was told on 10 November 2026");
        page.Should().Contain("handler=csv&amp;receivedOn=2026-11-03&amp;extensionToldOn=2026-11-10");
        late.Should().Contain("There is a problem").And.Contain("within the first month");
    }

    [Fact]
    public async Task PersonInformedPage_ForTheGrantee_RecordsWhyThePersonWasNotToldAndTheIgLeadSeesIt()
    {
        var kerry = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Kirkbride").Select(p => p.Id).SingleAsync());
        var grant = await factory.SendAsAsync<BreakGlassView>(DemoUsers.FitKeyworker,
            new UseBreakGlassCommand(kerry, "Children at the address and a report of a weapon tonight", RiskCategory.ChildAtRisk));
        var keyworker = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var other = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);
        var path = $"/break-glass/{grant.Id}/person-informed";

        var personPage = await keyworker.GetStringAsync($"/people/{kerry}");
        var withoutNote = await PostFormAsync(keyworker, path, new() { ["Input.Informed"] = "false" });
        var saved = await PostFormAsync(keyworker, path, new() { ["Input.Informed"] = "false", ["Input.Note"] = "Telling her could alert her partner" });
        var review = await ig.GetStringAsync($"/governance/break-glass/{grant.Id}/review");
        var hidden = await other.GetAsync(path);

        personPage.Should().Contain(path);
        (await withoutNote.Content.ReadAsStringAsync()).Should().Contain("Say why telling the person would be unsafe");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().Should().Be($"/people/{kerry}");
        review.Should().Contain(path).And.Contain("No: Telling her could alert her partner");
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PeopleSearch_WithPageNumberOrWithout_ShowsResultsWithoutAnError()
    {
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var first = await caseworker.GetStringAsync("/people?search=Ashby");
        var second = await caseworker.GetStringAsync("/people?search=Ashby&page=2");

        first.Should().Contain("Ashby, Adam").And.NotContain("There is a problem");
        second.Should().NotContain("There is a problem");
    }

    [Fact]
    public async Task BreakGlassPage_AsClaimsOfficer_IsForbiddenAndGrantsNothing()
    {
        var tom = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Tindall").Select(p => p.Id).SingleAsync());
        var claims = await SignedInBrowserAsync(DemoUsers.ClaimsOfficer);
        var claimsOfficer = await factory.QueryDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.ClaimsOfficer).Select(u => u.Id).SingleAsync());

        var form = await claims.GetAsync($"/people/{tom}/break-glass");
        var posted = await PostFormAsync(claims, $"/people/{tom}/break-glass", new()
        {
            ["Input.Justification"] = "Threat to a child in the household reported tonight",
            ["Input.RiskCategory"] = "ChildAtRisk",
        }, tokenPage: "/people");

        form.Headers.Location!.ToString().Should().Contain("/forbidden");
        posted.Headers.Location!.ToString().Should().Contain("/forbidden");
        (await factory.QueryDbAsync(db => db.BreakGlassGrants.CountAsync(g => g.UserId == claimsOfficer))).Should().Be(0);
    }

    [Fact]
    public async Task SetPasswordPage_WithCommonPassword_SaysWhyAndKeepsTheOldOne()
    {
        var (userId, token) = await ResetTokenAsync(DemoUsers.DaatWorker);
        var browser = NewBrowser();
        var path = $"/account/set-password?userId={userId}&token={Uri.EscapeDataString(token)}";

        var response = await PostFormAsync(browser, path, new() { ["Input.Password"] = "Password1234!", ["Input.ConfirmPassword"] = "Password1234!" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("There is a problem").And.Contain("too common");
        (await SignedInBrowserAsync(DemoUsers.DaatWorker)).Should().NotBeNull();
    }

    [Fact]
    public async Task SetPasswordPage_WithGoodPassword_ConfirmsOnTheSignInPage()
    {
        var (userId, token) = await ResetTokenAsync(DemoUsers.DaatWorker);
        var browser = NewBrowser();
        var path = $"/account/set-password?userId={userId}&token={Uri.EscapeDataString(token)}";

        // The same demo password again, so other tests still sign in as this user.
        var response = await PostFormAsync(browser, path, new() { ["Input.Password"] = factory.DemoPassword, ["Input.ConfirmPassword"] = factory.DemoPassword });
        var signInPage = await browser.GetAsync(response.Headers.Location);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await signInPage.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"password-set\"").And.Contain("Your password has been set.");
    }

    private async Task<(Guid UserId, string Token)> ResetTokenAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (user.Id, await users.GeneratePasswordResetTokenAsync(user));
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
