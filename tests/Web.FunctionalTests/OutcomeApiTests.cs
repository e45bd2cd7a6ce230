using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Outcome records over HTTP (API.md "Outcome records that eligibility and results are worked from"), with their refusals.</summary>
public sealed class OutcomeApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> RegisterAsync(HttpClient client, string familyName, string dateOfBirth = "2012-03-04")
    {
        var created = await JsonAsync(await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Outcome", familyName, dateOfBirth }), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>A household with one child in Troubled Families: the case id and the child's person id.</summary>
    private static async Task<(string CaseId, string Child)> FamilyCaseAsync(HttpClient fit, string name)
    {
        var household = (await JsonAsync(await fit.PostAsJsonAsync("/api/v1/households", new { name }), HttpStatusCode.Created)).GetProperty("id").GetString();
        var child = await RegisterAsync(fit, name);
        await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = child, relationship = "Child", from = "2026-01-01" }), HttpStatusCode.Created);
        var opened = await JsonAsync(await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "TroubledFamilies", householdId = household, startDate = "2026-02-01" }), HttpStatusCode.Created);
        return (opened.GetProperty("id").GetString()!, child);
    }

    [Theory]
    [InlineData("asb", """{ "kind": "CriminalBehaviourOrder", "occurredOn": "2026-10-01", "description": "Order made" }""", "Offending")]
    [InlineData("education", """{ "kind": "TermAttendance", "term": "2026-Spring", "sessionsPossible": 120, "unauthorisedAbsenceSessions": 30 }""", "EducationEmploymentBenefits")]
    [InlineData("employment", """{ "kind": "OutOfWorkBenefit", "benefit": "UniversalCredit", "from": "2025-06-01" }""", "EducationEmploymentBenefits")]
    public async Task PostRecord_Returns201WithALocationThatReadsIt_AndTheListHasIt(string kind, string body, string category)
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var person = await RegisterAsync(fit, $"Created{kind}");

        var response = await fit.PostAsync($"/api/v1/people/{person}/{kind}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var created = await JsonAsync(response, HttpStatusCode.Created);
        created.GetProperty("ownerAgency").GetString().Should().Be("FIT");
        created.GetProperty("dataCategory").GetString().Should().Be(category);
        var read = await JsonAsync(await fit.GetAsync(response.Headers.Location), HttpStatusCode.OK);
        read.GetProperty("id").GetString().Should().Be(created.GetProperty("id").GetString());
        var list = await JsonAsync(await fit.GetAsync($"/api/v1/people/{person}/{kind}"), HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task PostEmployment_WithApiMdsBodyAndNoBenefit_Returns201AndRecordsTheBenefitAsOther()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var person = await RegisterAsync(fit, "ContractBody");

        var response = await fit.PostAsync($"/api/v1/people/{person}/employment",
            new StringContent("""{ "kind": "OutOfWorkBenefit", "from": "2025-06-01", "detail": "Universal Credit claim" }""", System.Text.Encoding.UTF8, "application/json"));

        var created = await JsonAsync(response, HttpStatusCode.Created);
        created.GetProperty("kind").GetString().Should().Be("OutOfWorkBenefit");
        created.GetProperty("benefit").GetString().Should().Be("Other");
        created.GetProperty("detail").GetString().Should().Be("Universal Credit claim");
    }

    [Theory]
    [InlineData("asb", """{ "kind": "Shouting", "occurredOn": "2026-10-01" }""", "kind")]
    [InlineData("asb", """{ "kind": "Warning" }""", "occurredOn")]
    [InlineData("education", """{ "kind": "PermanentExclusion", "on": "2026-10-01", "sessionsPossible": 10 }""", "sessionsPossible")]
    [InlineData("education", """{ "kind": "TermAttendance", "term": "Autumn 2026", "sessionsPossible": 10, "unauthorisedAbsenceSessions": 1 }""", "term")]
    [InlineData("employment", """{ "kind": "InWork", "benefit": "Jsa", "from": "2026-01-01" }""", "benefit")]
    [InlineData("employment", """{ "kind": "InWork", "from": "2026-05-01", "to": "2026-04-01" }""", "to")]
    public async Task PostRecord_WithBadInput_Returns400WithTheFieldInErrors(string kind, string body, string field)
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var person = await RegisterAsync(fit, $"Bad{kind}{field}");

        var response = await fit.PostAsync($"/api/v1/people/{person}/{kind}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
        (await JsonAsync(await fit.GetAsync($"/api/v1/people/{person}/{kind}"), HttpStatusCode.OK)).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("asb")]
    [InlineData("education")]
    [InlineData("employment")]
    public async Task Records_OfAPersonTheCallerMayNotSee_Are404_AndACaseworkerWithoutWriteRightsCannotPost(string kind)
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var claims = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var person = await RegisterAsync(fit, $"Hidden{kind}");

        (await police.GetAsync($"/api/v1/people/{person}/{kind}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await police.PostAsJsonAsync($"/api/v1/people/{person}/asb", new { kind = "Warning", occurredOn = "2026-10-01" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await claims.PostAsJsonAsync($"/api/v1/people/{person}/asb", new { kind = "Warning", occurredOn = "2026-10-01" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fit.GetAsync($"/api/v1/people/{person}/{kind}/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EndEmployment_EndsTheSpell_ThenIs409_AndAnEndBeforeTheStartIs409()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var person = await RegisterAsync(fit, "Ended", "1980-01-01");
        var spell = await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/people/{person}/employment", new { kind = "OutOfWorkBenefit", benefit = "Jsa", from = "2026-01-05" }), HttpStatusCode.Created);
        var id = spell.GetProperty("id").GetString();

        var early = await fit.PostAsJsonAsync($"/api/v1/people/{person}/employment/{id}/end", new { to = "2025-12-31" });
        var ended = await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/people/{person}/employment/{id}/end", new { to = "2026-06-30" }), HttpStatusCode.OK);
        var again = await fit.PostAsJsonAsync($"/api/v1/people/{person}/employment/{id}/end", new { to = "2026-07-30" });
        var missing = await fit.PostAsJsonAsync($"/api/v1/people/{person}/employment/{id}/end", new { });

        (await JsonAsync(early, HttpStatusCode.Conflict)).GetProperty("code").GetString().Should().Be("employment.dates");
        ended.GetProperty("to").GetString().Should().Be("2026-06-30");
        (await JsonAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString().Should().Be("employment.already-ended");
        (await JsonAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _).Should().BeTrue();
    }

    [Fact]
    public async Task LocalCriteria_OnAFamilyCase_Return201AtALocationThatReadsIt_AndRefuseWhatTheyMust()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var (caseId, child) = await FamilyCaseAsync(fit, "Criteria");

        var response = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/local-criteria",
            new { criterion = "ChildProtectionPlan", personId = child, evidence = "Plan agreed at conference", on = "2026-10-20" });
        var unknown = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/local-criteria", new { criterion = "Truancy", evidence = "x" });
        var stranger = await RegisterAsync(fit, "CriteriaStranger");
        var notMember = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/local-criteria", new { criterion = "RiskOfEviction", personId = stranger, evidence = "Notice" });
        var hidden = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/local-criteria", new { criterion = "RiskOfEviction", evidence = "Notice" });

        var created = await JsonAsync(response, HttpStatusCode.Created);
        created.GetProperty("dataCategory").GetString().Should().Be("ChildrenSafeguarding");
        created.GetProperty("personId").GetString().Should().Be(child);
        (await JsonAsync(await fit.GetAsync(response.Headers.Location), HttpStatusCode.OK)).GetProperty("evidence").GetString().Should().Be("Plan agreed at conference");
        (await JsonAsync(await fit.GetAsync($"/api/v1/cases/{caseId}/local-criteria"), HttpStatusCode.OK)).GetArrayLength().Should().Be(1);
        (await JsonAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("criterion", out _).Should().BeTrue();
        (await JsonAsync(notMember, HttpStatusCode.Conflict)).GetProperty("code").GetString().Should().Be("local-criterion.not-member");
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await police.GetAsync($"/api/v1/cases/{caseId}/local-criteria")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Timeline_ShowsOutcomeRecordsOfThePerson()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var person = await RegisterAsync(fit, "Timeline");
        await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/people/{person}/education", new { kind = "FixedTermExclusion", on = "2026-10-02", days = 2 }), HttpStatusCode.Created);
        await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/people/{person}/asb", new { kind = "Incident", occurredOn = "2026-10-03" }), HttpStatusCode.Created);

        var timeline = await JsonAsync(await fit.GetAsync($"/api/v1/people/{person}/timeline"), HttpStatusCode.OK);

        timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString())
            .Should().Equal("Anti-social behaviour: incident", "Fixed-term exclusion (2 days)");
    }
}

/// <summary>Troubled Families eligibility and the coordinator list over HTTP (API.md "Troubled Families eligibility").</summary>
public sealed class EligibilityApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> FamilyCaseAsync(HttpClient fit, string name)
    {
        var household = (await JsonAsync(await fit.PostAsJsonAsync("/api/v1/households", new { name }), HttpStatusCode.Created)).GetProperty("id").GetString();
        var mother = (await JsonAsync(await fit.PostAsJsonAsync("/api/v1/people", new { givenName = "Mother", familyName = name, dateOfBirth = "1983-01-01" }), HttpStatusCode.Created)).GetProperty("id").GetString();
        await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = mother, relationship = "ParentCarer", from = "2024-01-01" }), HttpStatusCode.Created);
        await JsonAsync(await fit.PostAsJsonAsync($"/api/v1/people/{mother}/employment", new { kind = "OutOfWorkBenefit", benefit = "Jsa", from = "2025-03-01" }), HttpStatusCode.Created);
        return (await JsonAsync(await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "TroubledFamilies", householdId = household, startDate = "2026-06-01" }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task GetEligibility_ReturnsTheContractShape_InBothPhases()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var caseId = await FamilyCaseAsync(fit, "Shape");

        var phase1 = await JsonAsync(await fit.GetAsync($"/api/v1/cases/{caseId}/eligibility?phase=1&asOf=2026-11-01"), HttpStatusCode.OK);
        var phase2 = await JsonAsync(await fit.GetAsync($"/api/v1/cases/{caseId}/eligibility?phase=2"), HttpStatusCode.OK);

        phase1.GetProperty("phase").GetInt32().Should().Be(1);
        phase1.GetProperty("asOf").GetString().Should().Be("2026-11-01");
        phase1.GetProperty("eligible").GetBoolean().Should().BeFalse();
        phase1.GetProperty("basis").GetString().Should().Contain("records you may see");
        phase1.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Should().Equal("CrimeAsb", "Education", "Work", "Local");
        var work = phase1.GetProperty("criteria")[2];
        work.GetProperty("met").GetBoolean().Should().BeTrue();
        var evidence = work.GetProperty("evidence")[0];
        evidence.GetProperty("kind").GetString().Should().Be("Employment");
        evidence.GetProperty("on").GetString().Should().Be("2025-03-01");
        evidence.TryGetProperty("recordId", out _).Should().BeTrue();
        evidence.TryGetProperty("personId", out _).Should().BeTrue();
        phase2.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString())
            .Should().Equal("CrimeAsb", "SchoolAttendance", "ChildrenNeedHelp", "Worklessness", "DomesticAbuse", "Health");
    }

    [Theory]
    [InlineData("phase=3", "phase")]
    [InlineData("phase=1&asOf=2099-01-01", "asOf")]
    public async Task GetEligibility_WithBadQuery_Returns400(string query, string field)
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var caseId = await FamilyCaseAsync(fit, $"Bad{field}");

        var problem = await JsonAsync(await fit.GetAsync($"/api/v1/cases/{caseId}/eligibility?{query}"), HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
    }

    [Fact]
    public async Task GetEligibility_RefusesWhatItMust()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var caseId = await FamilyCaseAsync(fit, "Refused");
        var person = (await JsonAsync(await police.PostAsJsonAsync("/api/v1/people", new { givenName = "Iom", familyName = "Refused", dateOfBirth = "1990-01-01" }), HttpStatusCode.Created)).GetProperty("id").GetString();
        var iom = (await JsonAsync(await police.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId = person, startDate = "2026-06-01", cohort = "Fixed", selectionReason = "Panel" }), HttpStatusCode.Created))
            .GetProperty("id").GetString();

        (await police.GetAsync($"/api/v1/cases/{caseId}/eligibility")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/cases/{caseId}/eligibility")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JsonAsync(await police.GetAsync($"/api/v1/cases/{iom}/eligibility"), HttpStatusCode.Conflict)).GetProperty("code").GetString().Should().Be("eligibility.not-family-case");
        (await admin.GetAsync("/api/v1/troubled-families")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListTroubledFamilies_IsPagedAndListsTheAttachedFamily()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var caseId = await FamilyCaseAsync(fit, "Coordinator");

        var list = await JsonAsync(await fit.GetAsync("/api/v1/troubled-families?phase=2&pageSize=200"), HttpStatusCode.OK);
        var bad = await fit.GetAsync("/api/v1/troubled-families?phase=0");

        list.GetProperty("phase").GetInt32().Should().Be(2);
        list.GetProperty("pageSize").GetInt32().Should().Be(200);
        list.GetProperty("basis").GetString().Should().Contain("records you may see");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseId").GetString() == caseId);
        item.GetProperty("attached").GetBoolean().Should().BeTrue();
        item.GetProperty("criteriaMet").EnumerateArray().Select(c => c.GetString()).Should().Equal("Worklessness");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ExportTroubledFamilies_IsTheWholeListAsFormulaSafeCsv_AndRefusesBadInput()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var caseId = await FamilyCaseAsync(fit, "=HYPERLINK(\"http://example.test\")");
        var list = await JsonAsync(await fit.GetAsync("/api/v1/troubled-families?phase=2&pageSize=200"), HttpStatusCode.OK);

        var export = await fit.GetAsync("/api/v1/troubled-families/export?phase=2");

        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        export.Content.Headers.ContentDisposition!.FileName.Should().Contain($"troubled-families-phase2-{list.GetProperty("asOf").GetString()}.csv");
        var rows = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("Household,Household id,Attached,Case id,Attached on,Phase,As at,Eligible,Criteria met,Summary");
        rows.Should().HaveCount(list.GetProperty("total").GetInt32() + 1, "one row per family on the list, unpaged");
        var row = rows.Single(r => r.Contains(caseId, StringComparison.Ordinal));
        row.Should().StartWith("\"'=HYPERLINK(\"\"http://example.test\"\")\",", "a household name a spreadsheet would run is written as text");
        row.Should().Contain(",Yes,").And.Contain($",2,{list.GetProperty("asOf").GetString()},").And.Contain(",Worklessness,");

        (await fit.GetAsync("/api/v1/troubled-families/export?phase=3")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await fit.GetAsync("/api/v1/troubled-families/export?asOf=2099-01-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/troubled-families/export")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.CreateClient().GetAsync("/api/v1/troubled-families/export")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

/// <summary>GET /api/v1/claims/results (API.md "Payment-by-results claims"): claims officers only.</summary>
public sealed class ResultsApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task GetResults_ForTheClaimsOfficer_ReturnsOneItemPerCaseWithChecks()
    {
        var claims = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var response = await claims.GetAsync("/api/v1/claims/results?phase=1&pageSize=200");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("basis").GetString().Should().Contain("records you may see");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCountGreaterThanOrEqualTo(3);
        var result = items[0].GetProperty("results")[0];
        items[0].TryGetProperty("caseId", out _).Should().BeTrue();
        items[0].TryGetProperty("householdId", out _).Should().BeTrue();
        result.GetProperty("kind").GetString().Should().Be("CrimeAsbEducation");
        result.GetProperty("alreadyClaimed").GetBoolean().Should().BeFalse();
        var check = result.GetProperty("checks")[0];
        check.TryGetProperty("code", out _).Should().BeTrue();
        check.TryGetProperty("met", out _).Should().BeTrue();
        check.GetProperty("measured").GetString().Should().NotBeNullOrWhiteSpace();
        check.GetProperty("needed").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(DemoUsers.FitKeyworker)]
    [InlineData(DemoUsers.FitManager)]
    [InlineData(DemoUsers.InformationGovernance)]
    public async Task GetResults_ForAnyoneElse_Is403(string email)
    {
        var client = await factory.ApiClientForAsync(email);

        (await client.GetAsync("/api/v1/claims/results?phase=1")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetResults_WithABadPhase_Is400()
    {
        var claims = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var response = await claims.GetAsync("/api/v1/claims/results?phase=5");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phase", out _).Should().BeTrue();
    }
}
