using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The demo's claim families (docs/claims.md): this month's attachment claim has the four new families and leaves out the one claimed before.</summary>
public sealed class DemoClaimsTests : IDisposable
{
    private readonly DemoClaimsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ThisMonthsAttachmentClaim_HasTheFourNewFamilies_AndLeavesOutTheOneClaimedBefore()
    {
        var officer = await _factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var created = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 1, kind = "Attachment", window = "2026-11" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _factory.Services.GetRequiredService<ClaimPreparationJob>().Run(id, CancellationToken.None);

        var claim = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}");
        claim.GetProperty("lines").GetInt32().Should().Be(4);
        claim.GetProperty("progress").GetProperty("total").GetInt32().Should().Be(5);
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/claims");
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("status").GetString()).Should().Contain("Submitted");
        var figures = await officer.GetAsync("/api/v1/reports/claims");
        figures.StatusCode.Should().Be(HttpStatusCode.OK);
        (await figures.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phases")[0].GetProperty("familiesCounted").GetInt32().Should().Be(1);
    }

    private sealed class DemoClaimsFactory : CaseManagerFactory
    {
        // The claim families alone: the outcome families (DemoOutcomes) are attached this month too and would add theirs.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Demo:ClaimFamilies", "true"), new("Demo:OutcomeFamilies", "false")];
    }
}
