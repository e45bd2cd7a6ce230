using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// How far sharing rights have been worked out (ADR 0026): the route answers the IG lead and the administrator
/// only, with counts and no case data, and their pages (agreements, administration) show the progress without
/// JavaScript. The background job is not run here, so a new agreement's work stays queued.
/// </summary>
public sealed partial class SharingRightDerivationApiTests : IDisposable
{
    private const string Route = "/api/v1/sharing-rights/derivations";

    private readonly CaseManagerFactory _factory = new() { DerivesSharingRightsAtOnce = false };

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(DemoUsers.PoliceCaseworker, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.PoliceManager, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.ClaimsOfficer, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.InformationGovernance, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Administrator, HttpStatusCode.OK)]
    public async Task TheProgressRoute_AnswersTheIgLeadAndTheAdministratorOnly(string? email, HttpStatusCode expected)
    {
        var client = email is null ? _factory.CreateClient() : await _factory.ApiClientForAsync(email);

        var response = await client.GetAsync(Route);

        response.StatusCode.Should().Be(expected);
        if (expected != HttpStatusCode.OK)
        {
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task ANewAgreement_ShowsAsBeingWorkedOut_OnTheRouteAndOnBothPages()
    {
        var ig = await _factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        (await ig.GetFromJsonAsync<JsonElement>(Route)).GetProperty("inProgress").GetBoolean().Should().BeFalse("the demo's sharing is worked out when it is seeded");

        var created = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
        {
            name = "Youth offending and police",
            agencies = new[] { "YOS", "POLICE" },
            dataCategories = new[] { "Identity" },
            purposes = new[] { "Iom" },
            lawfulBasis = "PublicTask",
            gateway = "Crime and Disorder Act 1998 s115",
            consentRequired = false,
            validFrom = "2026-01-01",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var progress = await ig.GetFromJsonAsync<JsonElement>(Route);
        progress.GetProperty("inProgress").GetBoolean().Should().BeTrue();
        var first = progress.GetProperty("derivations")[0];
        first.GetProperty("status").GetString().Should().Be("Queued");
        first.GetProperty("reason").GetString().Should().Be("Agreement \"Youth offending and police\" created");
        first.GetProperty("revokedAtOnce").GetBoolean().Should().BeFalse();
        first.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["id", "reason", "status", "revokedAtOnce", "done", "total", "requestedAt", "startedAt", "finishedAt"], "counts only, no case data");

        foreach (var (email, page) in new[] { (DemoUsers.InformationGovernance, "/governance/agreements"), (DemoUsers.Administrator, "/admin") })
        {
            var browser = await SignedInBrowserAsync(email);
            var html = await browser.GetStringAsync(page);
            html.Should().Contain("data-testid=\"derivations-in-progress\"", "{0} shows the work on {1}", email, page)
                .And.MatchRegex("Sharing rights being worked out: 0 of [1-9][0-9]* people")
                .And.Contain("Agreement &quot;Youth offending and police&quot; created");
        }
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = _factory.DemoPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
