using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The households and family-case routes of API.md "Households and families": shapes, codes and refusals.</summary>
public sealed class HouseholdApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static readonly string Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Create_Returns201WithLocationOwnerAndIdentityCategory()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);

        var response = await fit.PostAsJsonAsync("/api/v1/households", new { name = "Created", address = "2 Road" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var household = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/households/{household.GetProperty("id").GetString()}");
        household.GetProperty("ownerAgency").GetString().Should().Be("FIT");
        household.GetProperty("dataCategory").GetString().Should().Be("Identity");
    }

    [Fact]
    public async Task AddMember_ReturnsTheMembership_AndAnOverlapIs409AlreadyMember()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var household = await HouseholdAsync(fit, "Members");
        var person = await PersonAsync(fit, "Members");

        var added = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "ParentCarer", from = "2026-01-01" });
        var overlap = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "Partner", from = "2026-06-01" });

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        var member = await added.Content.ReadFromJsonAsync<JsonElement>();
        member.GetProperty("relationship").GetString().Should().Be("ParentCarer");
        member.GetProperty("from").GetString().Should().Be("2026-01-01");
        overlap.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await overlap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("household.already-member");
        var view = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}");
        view.GetProperty("members").GetArrayLength().Should().Be(1);
        view.GetProperty("members")[0].GetProperty("memberId").GetString().Should().Be(member.GetProperty("memberId").GetString());
    }

    [Fact]
    public async Task AddMember_WithAnUnknownRelationshipOrEndBeforeStart_Is400AndChangesNothing()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var household = await HouseholdAsync(fit, "BadInput");
        var person = await PersonAsync(fit, "BadInput");

        var unknown = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "Cousin", from = "2026-01-01" });
        var backwards = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "Child", from = "2026-01-01", to = "2025-12-31" });

        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _).Should().BeTrue();
        (await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}")).GetProperty("members").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task EndMember_RecordsTheLastDay_AndIsListedOnThePersonsHouseholds()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var household = await HouseholdAsync(fit, "Ended");
        var person = await PersonAsync(fit, "Ended");
        var added = await (await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = person, relationship = "OtherAdult", from = "2026-01-01" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var ended = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members/{added.GetProperty("memberId").GetString()}/end", new { to = "2026-03-31" });
        var again = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members/{added.GetProperty("memberId").GetString()}/end", new { to = "2026-04-30" });

        ended.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("to").GetString().Should().Be("2026-03-31");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var theirs = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}/households");
        theirs.GetProperty("items")[0].GetProperty("householdId").GetString().Should().Be(household);
        theirs.GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Get_ByAnAgencyThatMaySeeNothingOfIt_Is404()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var household = await HouseholdAsync(fit, "Private");

        var response = await police.GetAsync($"/api/v1/households/{household}");
        var members = await police.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = Guid.NewGuid(), relationship = "Child", from = "2026-01-01" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        members.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenFamilyCase_ByHousehold_Returns201WithHouseholdAndLeadProfessional_AndPersonIdIs400()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var me = await fit.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var household = await HouseholdAsync(fit, "FamilyCase");
        var person = await PersonAsync(fit, "FamilyCase");

        var opened = await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "HighImpactHousehold", householdId = household, startDate = Today, leadProfessional = me.GetProperty("id").GetString() });
        var byPerson = await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "Fit", personId = person, startDate = Today });

        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        var view = await opened.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("householdId").GetString().Should().Be(household);
        view.GetProperty("personId").ValueKind.Should().Be(JsonValueKind.Null);
        view.GetProperty("leadProfessional").GetString().Should().Be(me.GetProperty("id").GetString());
        byPerson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await byPerson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("householdId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task PutLeadProfessional_WithoutVersion_Is400_AndWithAStaleOne409()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var me = await fit.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var household = await HouseholdAsync(fit, "Lead");
        var opened = await (await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "Fit", householdId = household, startDate = Today })).Content.ReadFromJsonAsync<JsonElement>();
        var route = $"/api/v1/cases/{opened.GetProperty("id").GetString()}/lead-professional";
        var userId = me.GetProperty("id").GetString();

        var missing = await fit.PutAsJsonAsync(route, new { userId });
        var stale = await fit.PutAsJsonAsync(route, new { userId, version = 99 });
        var named = await fit.PutAsJsonAsync(route, new { userId, version = opened.GetProperty("version").GetInt32() });

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _).Should().BeTrue();
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        named.StatusCode.Should().Be(HttpStatusCode.OK);
        (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadProfessional").GetString().Should().Be(userId);
    }

    private static async Task<string> HouseholdAsync(HttpClient client, string name) =>
        (await (await client.PostAsJsonAsync("/api/v1/households", new { name })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    private static async Task<string> PersonAsync(HttpClient client, string familyName) =>
        (await (await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Pat", familyName, dateOfBirth = "1985-02-03" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
}
