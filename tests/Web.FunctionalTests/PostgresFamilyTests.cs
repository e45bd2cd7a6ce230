using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Households and IS7b on PostgreSQL: the upkeep's queries over memberships and family cases, and the reads.</summary>
public sealed class PostgresFamilyTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task AFamilyCase_SharesItsMembersWithAPartner_UntilTheyLeave_OnPostgres()
    {
        var today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        (await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
        {
            name = "Troubled Families: FIT and DAAT",
            agencies = new[] { "FIT", "DAAT" },
            dataCategories = new[] { "Identity", "ChildrenSafeguarding" },
            purposes = new[] { "TroubledFamilies" },
            lawfulBasis = "PublicTask",
            consentRequired = false,
            validFrom = today.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        var person = (await (await fit.PostAsJsonAsync("/api/v1/people", new { givenName = "Pat", familyName = "Postgres", dateOfBirth = "1985-02-03" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var household = (await (await fit.PostAsJsonAsync("/api/v1/households", new { name = "Postgres" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var member = (await (await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "ParentCarer", from = "2026-01-01" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberId").GetString();
        var before = await daat.GetAsync($"/api/v1/people/{person}");

        var opened = await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "TroubledFamilies", householdId = household, startDate = "2026-11-01" });
        var shared = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}");
        var seen = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}");
        // The family case is explained by the right of a member today (IS7b), looked up from the household's members.
        var timeline = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/timeline");
        await fit.PostAsJsonAsync($"/api/v1/households/{household}/members/{member}/end", new { to = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var after = await daat.GetAsync($"/api/v1/people/{person}");

        before.StatusCode.Should().Be(HttpStatusCode.NotFound);
        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        shared.GetProperty("access").GetProperty("rule").GetString().Should().Be("SharingAgreement");
        seen.GetProperty("members").GetArrayLength().Should().Be(1);
        seen.GetProperty("cases").GetArrayLength().Should().Be(1);
        timeline.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "CaseStarted")
            .Select(e => e.GetProperty("access").GetProperty("rule").GetString()).Should().Equal("SharingAgreement");
        after.StatusCode.Should().Be(HttpStatusCode.NotFound, "she left the household yesterday");
    }

    [Fact]
    public async Task HouseholdsList_FindsByTheHouseholdsNameOrAVisibleMembersName_CaseInsensitively_OnPostgres()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var person = (await (await fit.PostAsJsonAsync("/api/v1/people", new { givenName = "Quinn", familyName = "Pgsearchmember", dateOfBirth = "1985-02-03" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var household = (await (await fit.PostAsJsonAsync("/api/v1/households", new { name = "Pgsearch Family" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "ParentCarer", from = "2026-01-01" });
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await browser.GetStringAsync("/account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        (await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.FitKeyworker,
            ["Input.Password"] = factory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var byName = await browser.GetStringAsync("/households?search=pgsearch%20fam");
        var byMember = await browser.GetStringAsync("/households?search=QUINN%20PGSEARCHMEMBER");
        var none = await browser.GetStringAsync("/households?search=pgsearchnobody");

        byName.Should().Contain($"/households/{household}\"");
        byMember.Should().Contain($"/households/{household}\"");
        none.Should().Contain("No households found");
    }
}
