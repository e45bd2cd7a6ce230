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

    [Fact]
    public async Task Timeline_Returns200InThePersonTimelinesShapeWithPersonId_FiltersAndPagesFarPastTheEnd()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var (household, mother, _) = await FamilyWithACaseAsync(fit, "Timeline");

        var all = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/timeline");
        var onlyMother = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/timeline?personId={mother}");
        var onlyDaat = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/timeline?agency=DAAT");
        var farPage = await fit.GetAsync($"/api/v1/households/{household}/timeline?page=2147483647&pageSize=200");
        var badAgency = await fit.GetAsync($"/api/v1/households/{household}/timeline?agency=not%20an%20agency");
        var badSize = await fit.GetAsync($"/api/v1/households/{household}/timeline?pageSize=0");

        all.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("personId").GetString())).Should().Equal(
            [("CaseStarted", null), ("Asb", mother)]);
        all.GetProperty("total").GetInt32().Should().Be(2);
        var asb = all.GetProperty("items")[1];
        asb.GetProperty("ownerAgency").GetString().Should().Be("FIT");
        asb.GetProperty("dataCategory").GetString().Should().Be("Offending");
        asb.GetProperty("date").GetString().Should().Be(Day(-90));
        onlyMother.GetProperty("total").GetInt32().Should().Be(1);
        onlyDaat.GetProperty("items").GetArrayLength().Should().Be(0);
        farPage.StatusCode.Should().Be(HttpStatusCode.OK);
        var far = await farPage.Content.ReadFromJsonAsync<JsonElement>();
        far.GetProperty("items").GetArrayLength().Should().Be(0);
        far.GetProperty("total").GetInt32().Should().Be(2);
        badAgency.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badAgency.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agency", out _).Should().BeTrue();
        badSize.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FamilyRoutes_RefuseAPartnerThatMayReadButDoesNotOwn_AnAgencyThatMaySeeNothing_AndAnonymousCallers()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var anonymous = factory.CreateClient();
        (await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
        {
            name = "Troubled Families: FIT and DAAT (household routes)",
            agencies = new[] { "FIT", "DAAT" },
            dataCategories = new[] { "Identity", "Offending", "ChildrenSafeguarding" },
            purposes = new[] { "TroubledFamilies" },
            lawfulBasis = "PublicTask",
            consentRequired = false,
            validFrom = Day(-365),
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        var (household, mother, caseView) = await FamilyWithACaseAsync(fit, "Partner");
        var other = await PersonAsync(fit, "Partner");
        var memberId = (await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}")).GetProperty("members")[0].GetProperty("memberId").GetString();
        var daatMe = await daat.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var daatTimeline = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/timeline");
        var daatAdds = await daat.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = mother, relationship = "OtherAdult", from = Day(0) });
        var daatEnds = await daat.PostAsJsonAsync($"/api/v1/households/{household}/members/{memberId}/end", new { to = Day(0) });
        var daatLeads = await daat.PutAsJsonAsync($"/api/v1/cases/{caseView.GetProperty("id").GetString()}/lead-professional",
            new { userId = daatMe.GetProperty("id").GetString(), version = caseView.GetProperty("version").GetInt32() });
        var policeTimeline = await police.GetAsync($"/api/v1/households/{household}/timeline");
        var anonymousTimeline = await anonymous.GetAsync($"/api/v1/households/{household}/timeline");
        var anonymousCreate = await anonymous.PostAsJsonAsync("/api/v1/households", new { name = "Anonymous" });
        var anonymousAdd = await anonymous.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = other, relationship = "OtherAdult", from = Day(0) });

        daatTimeline.GetProperty("items").EnumerateArray().Should().HaveCount(2).And.OnlyContain(i =>
            i.GetProperty("access").GetProperty("rule").GetString() == "SharingAgreement", "each shared entry says why it is shown");
        daatAdds.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the owning agency changes the members");
        daatEnds.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        daatLeads.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the case's agency names its lead professional");
        policeTimeline.StatusCode.Should().Be(HttpStatusCode.NotFound);
        anonymousTimeline.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymousCreate.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymousAdd.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var after = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}");
        after.GetProperty("members").GetArrayLength().Should().Be(1);
        after.GetProperty("members")[0].GetProperty("to").ValueKind.Should().Be(JsonValueKind.Null, "a refused end changes nothing");
        after.GetProperty("cases")[0].GetProperty("leadProfessional").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task AddMember_AsAChildOver25_Is409ChildAgeAndChangesNothing()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var household = await HouseholdAsync(fit, "ChildAge");
        var adult = await PersonAsync(fit, "ChildAge");

        var response = await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = adult, relationship = "Child", from = Day(-30) });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("household.child-age");
        (await fit.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}")).GetProperty("members").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task FamilyCaseExit_TakesAFamilyReason_AndAManagerOtherThanTheNominator()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.FitManager);
        var (_, _, caseView) = await FamilyWithACaseAsync(fit, "Exit");
        var route = $"/api/v1/cases/{caseView.GetProperty("id").GetString()}/exit-nomination";

        var iomReason = await fit.PostAsJsonAsync(route, new { reason = "SustainedProgress", note = "An IOM reason" });
        var nominated = await fit.PostAsJsonAsync(route, new { reason = "SteppedDownToUniversalServices", note = "School and health visitor carry on" });
        var selfApproval = await fit.PostAsJsonAsync($"{route}/approve", new { });
        var approved = await manager.PostAsJsonAsync($"{route}/approve", new { note = "Agreed" });

        iomReason.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await iomReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("case.exit-reason");
        nominated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await nominated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("ExitNominated");
        selfApproval.StatusCode.Should().Be(HttpStatusCode.Forbidden, "four eyes: a caseworker does not decide, least of all their own nomination");
        approved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Exited");
    }

    /// <summary>A mother in a household from 180 days ago, an ASB incident 90 days ago, a Troubled Families case from 30 days ago.</summary>
    private static async Task<(string Household, string Mother, JsonElement Case)> FamilyWithACaseAsync(HttpClient fit, string name)
    {
        var household = await HouseholdAsync(fit, name);
        var mother = await PersonAsync(fit, name);
        (await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = mother, relationship = "ParentCarer", from = Day(-180) }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await fit.PostAsJsonAsync($"/api/v1/people/{mother}/asb", new { kind = "Incident", occurredOn = Day(-90), description = "Noise" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var opened = await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "TroubledFamilies", householdId = household, startDate = Day(-30) });
        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        return (household, mother, await opened.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Day(int offset) =>
        DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> HouseholdAsync(HttpClient client, string name) =>
        (await (await client.PostAsJsonAsync("/api/v1/households", new { name })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    private static async Task<string> PersonAsync(HttpClient client, string familyName) =>
        (await (await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Pat", familyName, dateOfBirth = "1985-02-03" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
}
