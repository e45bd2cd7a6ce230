using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The demo's claim families (docs/claims.md): this month's attachment claim has the four new families and leaves out
/// the three claimed before; this month's results claim has Ashworth's two results and leaves out Walsh's, claimed before.
/// </summary>
public sealed class DemoClaimsTests : IDisposable
{
    private readonly DemoClaimsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ThisMonthsAttachmentClaim_HasTheFourNewFamilies_AndLeavesOutTheThreeClaimedBefore()
    {
        var officer = await _factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var created = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 1, kind = "Attachment", window = "2026-11" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _factory.Services.GetRequiredService<ClaimPreparationJob>().Run(id, CancellationToken.None);

        var claim = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}");
        claim.GetProperty("lines").GetInt32().Should().Be(4);
        claim.GetProperty("progress").GetProperty("total").GetInt32().Should().Be(7);
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/claims");
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("status").GetString()).Should().Contain("Submitted");
        var figures = await officer.GetAsync("/api/v1/reports/claims");
        figures.StatusCode.Should().Be(HttpStatusCode.OK);
        (await figures.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phases")[0].GetProperty("familiesCounted").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task ThisMonthsResultsClaim_HasAshworthsTwoResults_AndLeavesOutWalshsClaimedBefore()
    {
        var officer = await _factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        string[] names = ["The Ashworth family", "The Walsh family"];
        var households = await _factory.QueryDbAsync(db => db.Households.Where(h => names.Contains(h.Name)).ToDictionaryAsync(h => h.Name!, h => h.Id.Value));

        var created = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 1, kind = "Results", window = "2026-11" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _factory.Services.GetRequiredService<ClaimPreparationJob>().Run(id, CancellationToken.None);

        var lines = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/lines?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var ashworth = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/claims/results?phase=1&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("householdId").GetGuid() == households["The Ashworth family"]);
        lines.Should().HaveCount(2, ashworth.GetRawText());
        lines.Select(l => (l.GetProperty("householdId").GetGuid(), l.GetProperty("result").GetString()))
            .Should().BeEquivalentTo([(households["The Ashworth family"], "CrimeAsbEducation"), (households["The Ashworth family"], "ProgressToWork")]);
        var results = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/claims/results?phase=1&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("householdId").GetGuid() == households["The Walsh family"]).GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "ContinuousEmployment");
        results.GetProperty("met").GetBoolean().Should().BeTrue();
        results.GetProperty("alreadyClaimed").GetBoolean().Should().BeTrue();
    }

    private sealed class DemoClaimsFactory : CaseManagerFactory
    {
        // The claim families alone: the outcome families (DemoOutcomes) are attached this month too and would add theirs.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Demo:ClaimFamilies", "true"), new("Demo:OutcomeFamilies", "false")];
    }
}
