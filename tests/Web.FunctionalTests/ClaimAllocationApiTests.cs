using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>TF5's cap: the number of families claimed for in a phase never passes the area's allocation (here 1).</summary>
public sealed class ClaimAllocationApiTests(ClaimAllocationApiTests.SmallAllocationFactory factory) : IClassFixture<ClaimAllocationApiTests.SmallAllocationFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    [Fact]
    public async Task Submit_PastTheAllocation_Is409AllocationExceeded_AndNothingIsClaimed_ThenUpToItIsSubmitted()
    {
        // The demo's outcome families are attached too: only this test's two families are validated.
        var ours = new[] { await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Capone"), await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Captwo") }
            .Select(f => f.CaseId.Value).ToList();
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);
        var created = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 2, kind = "Attachment", window = "2026-11" });
        created.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await factory.Services.GetRequiredService<ClaimPreparationJob>().Run(id, CancellationToken.None);
        var lines = (await (await officer.GetAsync($"/api/v1/claims/{id}/lines?pageSize=200")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Where(l => ours.Contains(l.GetProperty("caseId").GetGuid())).Select(l => l.GetProperty("lineId").GetGuid()).ToList();
        lines.Should().HaveCount(2);
        foreach (var line in lines)
        {
            (await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line}/validate", new { })).EnsureSuccessStatusCode();
        }

        var refused = await officer.PostAsync($"/api/v1/claims/{id}/submit", null);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("claims.allocation-exceeded");
        problem.GetProperty("detail").GetString().Should().Contain("allocation of 1");
        (await factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync())).Should().Be(0, "all or nothing: no outcome of the refused claim is in the ledger");
        (await factory.QueryDbAsync(db => db.ClaimedFamilies.CountAsync())).Should().Be(0);
        (await factory.QueryDbAsync(db => db.ClaimAllocations.Select(a => a.Families).SumAsync())).Should().Be(0);
        var draft = await (await officer.GetAsync($"/api/v1/claims/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("status").GetString().Should().Be("Draft");
        draft.GetProperty("counts").GetProperty("validated").GetInt32().Should().Be(2);

        (await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{lines[1]}/reject", new { note = "Over the allocation" })).EnsureSuccessStatusCode();
        var submitted = await officer.PostAsync($"/api/v1/claims/{id}/submit", null);

        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        (await factory.QueryDbAsync(db => db.ClaimAllocations.Where(a => a.Phase == 2).Select(a => a.Families).SingleAsync())).Should().Be(1, "exactly the allocation");
        var figures = await (await officer.GetAsync("/api/v1/reports/claims")).Content.ReadFromJsonAsync<JsonElement>();
        var phaseTwo = figures.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetInt32() == 2);
        phaseTwo.GetProperty("familiesCounted").GetInt32().Should().Be(1);
        phaseTwo.GetProperty("allocation").GetInt32().Should().Be(1);
        var years = phaseTwo.GetProperty("years").EnumerateArray().ToList();
        var submittedAmount = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetDecimal();
        submittedAmount.Should().Be(1000.00m);
        phaseTwo.GetProperty("claimed").GetDecimal().Should().Be(years.Sum(y => y.GetProperty("claimed").GetDecimal())).And.Be(submittedAmount, "the figures add up to the submitted lines");
        phaseTwo.GetProperty("maximum").GetDecimal().Should().Be(1800.00m, "one family attached, £1,000 up front and £800 for a result (TF4)");
        years.Sum(y => y.GetProperty("maximum").GetDecimal()).Should().Be(1800.00m);
    }

    public sealed class SmallAllocationFactory : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("TroubledFamilies:Allocation", "1")];
    }
}
