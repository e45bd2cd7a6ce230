using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;

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
}
