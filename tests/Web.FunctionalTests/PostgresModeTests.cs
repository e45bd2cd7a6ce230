using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.AllocateCase;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Cases.ListAllocatableWorkers;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Sharing.CheckDerivedAccess;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The same contract on PostgreSQL. Without a server (CASEMANAGER_TEST_POSTGRES unset) these tests fail rather
/// than pass silently: run-tests.sh and CI always provide one.
/// </summary>
public sealed class PostgresModeTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task Ready_AfterMigratingPostgres_Answers200()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.QueryDbAsync(db => Task.FromResult(db.Database.ProviderName))).Should().Contain("Npgsql");
    }

    [Fact]
    public async Task People_CreateReadAndRefuse_WorkOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);

        var created = await police.PostAsJsonAsync("/api/v1/people", new { givenName = "Pat", familyName = "Postgres", dateOfBirth = "1977-07-07" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var search = await police.GetFromJsonAsync<JsonElement>("/api/v1/people?search=postgres");
        var refused = await fit.GetAsync($"/api/v1/people/{id}");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        search.GetProperty("total").GetInt32().Should().Be(1);
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SharedSearchResultsAndConsents_AreExplainedAndFilteredOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);

        var adam = await probation.GetFromJsonAsync<JsonElement>("/api/v1/people?search=ashby");
        var dawn = await daat.GetFromJsonAsync<JsonElement>("/api/v1/people?search=dawn");
        var dawnId = dawn.GetProperty("items")[0].GetProperty("id").GetString();
        var consents = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/people/{dawnId}/consents");

        adam.GetProperty("items")[0].GetProperty("access").GetProperty("rule").GetString().Should().Be("SharingAgreement");
        var access = dawn.GetProperty("items")[0].GetProperty("access");
        access.GetProperty("rule").GetString().Should().Be("Consent");
        access.GetProperty("consentId").GetString().Should().Be(consents[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AuditChain_UnderConcurrentWrites_StaysUnbrokenOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            police.PostAsJsonAsync("/api/v1/people", new { givenName = "Para", familyName = $"Llel{i}", dateOfBirth = "1980-01-01" })));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var report = await ig.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        report.GetProperty("valid").GetBoolean().Should().BeTrue();
        report.GetProperty("entries").GetInt64().Should().BeGreaterThanOrEqualTo(32);
    }

    [Fact]
    public async Task Token_AfterFiftyConcurrentWrongGuesses_RefusesTheRightPasswordOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var client = factory.CreateClient();

        var guesses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.ProbationManager, password = $"wrong guess {i}" })));
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.ProbationManager, password = factory.DemoPassword });

        guesses.Select(g => g.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refusals = await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "account.sign-in" && a.ActorEmail == DemoUsers.ProbationManager && a.Outcome == Domain.Auditing.AuditOutcome.Refused));
        refusals.Should().Be(51);
        var evaluated = await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "account.sign-in" && a.ActorEmail == DemoUsers.ProbationManager && a.Detail!.StartsWith("Wrong password")));
        evaluated.Should().Be(5);
    }

    [Fact]
    public async Task Refresh_WithASpentToken_EndsTheFamilyOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var client = factory.CreateClient();
        var signedIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.DaatWorker, password = factory.DemoPassword });
        var spent = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();

        var rotated = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = spent });
        var next = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = spent });
        var nextRefresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next.GetProperty("refreshToken").GetString() });
        var nextAccess = factory.CreateClient();
        nextAccess.DefaultRequestHeaders.Authorization = new("Bearer", next.GetProperty("accessToken").GetString());
        var me = await nextAccess.GetAsync("/api/v1/me");

        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        nextRefresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IomCaseload_TimelineAndReport_WorkOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var created = await police.PostAsJsonAsync("/api/v1/people", new { givenName = "Iggy", familyName = "Npgiom", dateOfBirth = "1985-05-05" });
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var opened = await police.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId = person, startDate = "2026-09-01", cohort = "Fixed", tier = "Red", selectionReason = "Panel" });
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var visit = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { type = "HomeVisit", occurredAt = "2026-11-20T10:00:00Z" });
        var test = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { type = "DrugTest", occurredAt = "2026-11-21T10:00:00Z", result = "Positive", substances = new[] { "Crack" } });
        var offence = await police.PostAsJsonAsync($"/api/v1/people/{person}/offences", new { offenceType = "Robbery", committedOn = "2026-03-01" });
        var caseload = await police.GetFromJsonAsync<JsonElement>("/api/v1/cases?scheme=Iom&allocatedToMe=true&sort=LastContact");
        var shared = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}/timeline");
        var report = await police.GetFromJsonAsync<JsonElement>("/api/v1/reports/iom");
        await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "SustainedProgress", note = "Progress" });
        var approved = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/approve", new { });

        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        visit.StatusCode.Should().Be(HttpStatusCode.Created);
        test.StatusCode.Should().Be(HttpStatusCode.Created);
        offence.StatusCode.Should().Be(HttpStatusCode.Created);
        caseload.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetString() == caseId)
            .GetProperty("lastContact").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        shared.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Should().Contain(["Offence", "Intervention", "CaseStarted"])
            .And.HaveCount(3, "probation sees the offence, the home visit and the case, not the drug test");
        report.GetProperty("offending").EnumerateArray().Single(r => r.GetProperty("cohort").GetString() == "Fixed").GetProperty("costBefore").GetDecimal().Should().BeGreaterThanOrEqualTo(7282m);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Exited");
    }

    [Fact]
    public async Task TreatmentReport_CountedInSql_WorksOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var manager = await factory.ApiClientForAsync("manager@daat.demo");

        var report = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reports/treatment?asOf=2026-11-26&from=2025-11-27&to=2026-11-26");

        report.GetProperty("longTermSubstitute").GetProperty("percent").GetDouble().Should().Be(42.9, "6 of the demo's 14 opiate clients");
        var representations = report.GetProperty("representations");
        representations.GetProperty("known").GetInt32().Should().Be(
            representations.GetProperty("successfulDischarges").GetInt32() - representations.GetProperty("windowOpen").GetInt32());
        report.GetProperty("completions").GetProperty("discharges").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task SharedCaseloadTotals_AndTheDerivedAccessCheck_WorkOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Cass", "Npgreader", new DateOnly(1984, 4, 4)));
        var opened = await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), new DateOnly(2026, 10, 1), Cohort: "Fixed", SelectionReason: "Panel"));
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);

        var active = await probation.GetFromJsonAsync<JsonElement>("/api/v1/cases?scheme=Iom&status=Active&pageSize=200");
        var any = await probation.GetFromJsonAsync<JsonElement>("/api/v1/cases?scheme=Iom&pageSize=200");
        var open = await factory.SendAsAsync<Paged<CaseListItem>>(DemoUsers.ProbationCaseworker, new ListCasesQuery(Scheme.Iom, PageSize: 200) { OpenOnly = true });
        var check = await factory.SendAsAsync<DerivedAccessCheck>(Actor.System, new CheckDerivedAccessCommand(0));

        foreach (var page in new[] { active, any })
        {
            var ids = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
            ids.Should().Contain(opened.Id, "probation reads the police's IOM case through its case reader row");
            page.GetProperty("total").GetInt32().Should().Be(ids.Count, "the total is counted from the case readers, the page from the rule");
        }

        open.Items.Should().Contain(c => c.Id == opened.Id);
        open.Total.Should().Be(open.Items.Count, "two statuses go in as one list parameter");
        check.PeopleChecked.Should().BeGreaterThan(0);
        check.Repaired.Should().BeEmpty("every save kept the derived rows in step");
    }

    [Fact]
    public async Task AllocatableWorkersAndAllocation_WorkOnPostgres()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Alma", "Npgallocated", new DateOnly(1987, 7, 7)));
        var opened = await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), new DateOnly(2026, 10, 1), Cohort: "Fixed", SelectionReason: "Panel"));

        var workers = await factory.SendAsAsync<IReadOnlyList<AllocatableWorker>>(DemoUsers.PoliceManager, new ListAllocatableWorkersQuery(new CaseId(opened.Id)));
        var mark = workers.Single(w => w.Email == DemoUsers.PoliceManager).Id;
        var allocated = await factory.SendAsAsync<CaseView>(DemoUsers.PoliceManager, new AllocateCaseCommand(new CaseId(opened.Id), opened.Version, mark));

        workers.Select(w => w.DisplayName).Should().Equal("Mark Hendry", "Priya Shah");
        allocated.AllocatedToName.Should().Be("Mark Hendry");
    }
}
