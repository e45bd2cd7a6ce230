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
