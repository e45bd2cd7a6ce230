using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// Claims on PostgreSQL (docs/adr/0022): the Claims migration, two preparations of one claim at once, and two claims
/// with the same outcomes submitted at once, where a racing insert waits for the other transaction.
/// </summary>
public sealed class PostgresClaimTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    [Fact]
    public async Task OneWindow_PreparedSixTimesAtOnceOnPostgres_IsOneClaim_AndTheOthersAre409WindowTaken()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);

        // Read committed: each request may pass the check before the other commits; the unique index then refuses
        // the second insert, which must answer 409 claims.window-taken, never a 500.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? officer : auditor).PostAsJsonAsync("/api/v1/claims", new { phase = 2, kind = "Results", window = "2026-08" }))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("claims.window-taken");
        }

        (await factory.QueryDbAsync(db => db.Claims.CountAsync(c => c.Phase == 2 && c.Window == "2026-08"))).Should().Be(1);
    }

    [Fact]
    public async Task ClaimsWithTheSameOutcomes_SubmittedAtOnceOnPostgres_ClaimEachOutcomeOnce()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        for (var i = 0; i < 4; i++)
        {
            await factory.AddAsync("COUNCIL", Today.AddMonths(-3), $"Pgclaim{i}");
        }

        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);
        var job = factory.Services.GetRequiredService<ClaimPreparationJob>();
        var claims = new List<Guid>();
        foreach (var window in new[] { "2026-09", "2026-10" })
        {
            var created = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 1, kind = "Attachment", window });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await Task.WhenAll(Task.Run(() => job.Run(id, CancellationToken.None)), Task.Run(() => job.Run(id, CancellationToken.None)));
            var lines = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/lines?pageSize=200");
            lines.GetProperty("total").GetInt32().Should().Be(4, "two runs of one preparation write each line once");
            foreach (var line in lines.GetProperty("items").EnumerateArray())
            {
                (await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line.GetProperty("lineId").GetGuid()}/validate", new { })).EnsureSuccessStatusCode();
            }

            claims.Add(id);
        }

        var responses = await Task.WhenAll(claims.Select(id => officer.PostAsync($"/api/v1/claims/{id}/submit", null)));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync())).Should().Be(4);
        (await factory.QueryDbAsync(db => db.ClaimAllocations.SingleAsync(a => a.Phase == 1))).Families.Should().Be(4);
    }
}
