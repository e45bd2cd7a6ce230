using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Payment-by-results claims over HTTP (API.md "Payment-by-results claims"), with every refusal.</summary>
public sealed class ClaimApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    private async Task<(Guid Id, HttpResponseMessage Response)> PrepareAsync(HttpClient client, int phase, string window, string kind = "Attachment")
    {
        var response = await client.PostAsJsonAsync("/api/v1/claims", new { phase, kind, window });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await factory.Services.GetRequiredService<ClaimPreparationJob>().Run(id, CancellationToken.None);
        return (id, response);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task ClaimRoutes_ForACaseworker_AreAllForbidden()
    {
        var caseworker = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var id = Guid.NewGuid();

        var responses = new[]
        {
            await caseworker.PostAsJsonAsync("/api/v1/claims", new { phase = 1, kind = "Attachment", window = "2026-01" }),
            await caseworker.GetAsync("/api/v1/claims"),
            await caseworker.GetAsync($"/api/v1/claims/{id}"),
            await caseworker.GetAsync($"/api/v1/claims/{id}/history"),
            await caseworker.PostAsync($"/api/v1/claims/{id}/cancel", null),
            await caseworker.GetAsync($"/api/v1/claims/{id}/lines"),
            await caseworker.GetAsync($"/api/v1/claims/{id}/lines/{id}"),
            await caseworker.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{id}/validate", new { note = "x" }),
            await caseworker.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{id}/reject", new { note = "x" }),
            await caseworker.PostAsync($"/api/v1/claims/{id}/submit", null),
            await caseworker.GetAsync($"/api/v1/claims/{id}/export"),
            await caseworker.GetAsync($"/api/v1/claims/{id}/spot-check"),
            await caseworker.GetAsync("/api/v1/reports/claims"),
            await caseworker.GetAsync("/api/v1/reports/claims/export"),
        };

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Forbidden);
        (await factory.QueryDbAsync(db => db.Claims.CountAsync(c => c.Window == "2026-01"))).Should().Be(0);
    }

    [Fact]
    public async Task PrepareClaim_WithAnUnknownPhaseOrABadWindow_Returns400WithErrors()
    {
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var response = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 3, kind = "Attachment", window = "December" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("phase", out _).Should().BeTrue();
        errors.TryGetProperty("window", out _).Should().BeTrue();
    }

    [Fact]
    public async Task AClaim_IsPreparedCheckedBySomeoneElseSubmittedExportedAndSpotChecked()
    {
        await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Route");
        await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Routeb");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);

        var (id, created) = await PrepareAsync(officer, 2, "2026-11");

        created.Headers.Location!.ToString().Should().Be($"/api/v1/claims/{id}");
        var claim = await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}"));
        claim.GetProperty("status").GetString().Should().Be("Draft");
        var lineCount = claim.GetProperty("lines").GetInt32();
        lineCount.Should().BeGreaterThanOrEqualTo(2);
        claim.GetProperty("progress").GetProperty("done").GetInt32().Should().Be(claim.GetProperty("progress").GetProperty("total").GetInt32());
        claim.GetProperty("amount").GetDecimal().Should().Be(1000.00m * lineCount, "phase 2 pays £1,000 for each family attached");

        var lines = (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
        var first = lines[0].GetProperty("lineId").GetGuid();
        var second = lines[1].GetProperty("lineId").GetGuid();
        lines[0].GetProperty("status").GetString().Should().Be("Proposed");
        var evidence = await JsonAsync(await auditor.GetAsync($"/api/v1/claims/{id}/lines/{first}"));
        evidence.GetProperty("evidence").GetProperty("links").GetProperty("case").GetString().Should().StartWith("/cases/");

        (await officer.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{first}/validate", new { note = "mine" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var noNote = await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{second}/reject", new { note = "" });
        noNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var validated = await JsonAsync(await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{first}/validate", new { note = "=HYPERLINK(\"http://example.test\")" }));
        validated.GetProperty("status").GetString().Should().Be("Validated");
        (await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{second}/reject", new { note = "Attachment date not evidenced" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var submitted = await JsonAsync(await officer.PostAsync($"/api/v1/claims/{id}/submit", null));
        submitted.GetProperty("status").GetString().Should().Be("Submitted");
        submitted.GetProperty("amount").GetDecimal().Should().Be(1000.00m);
        var history = await JsonAsync(await auditor.GetAsync($"/api/v1/claims/{id}/history?page=2&pageSize=2"));
        history.GetProperty("total").GetInt32().Should().Be(4, "prepared, validated, rejected, submitted");
        history.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("action").GetString()).Should().Equal("Rejected", "Submitted");
        submitted.GetProperty("historyTotal").GetInt32().Should().Be(4);
        var frozen = await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{second}/validate", new { note = "changed my mind" });
        frozen.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(frozen)).Should().Be("claims.frozen");

        var export = await officer.GetAsync($"/api/v1/claims/{id}/export");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var csv = await export.Content.ReadAsStringAsync();
        csv.Should().Contain("LINE_STATUS").And.Contain("\"'=HYPERLINK(\"\"http://example.test\"\")\"", "a note a spreadsheet would run is written as text");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(lineCount + 1);

        var spot = await JsonAsync(await auditor.GetAsync($"/api/v1/claims/{id}/spot-check"));
        spot.GetProperty("sample").GetArrayLength().Should().Be(1);
        spot.GetProperty("sample")[0].GetProperty("line").GetProperty("lineId").GetGuid().Should().Be(first);

        var figures = await JsonAsync(await officer.GetAsync("/api/v1/reports/claims"));
        var phaseTwo = figures.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetInt32() == 2);
        phaseTwo.GetProperty("familiesCounted").GetInt32().Should().Be(1);
        phaseTwo.GetProperty("claimed").GetDecimal().Should().Be(1000.00m);
        var figuresCsv = await officer.GetAsync("/api/v1/reports/claims/export");
        figuresCsv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await figuresCsv.Content.ReadAsStringAsync()).Should().Contain("FAMILIES_ATTACHED");
        (await factory.AuditCountAsync("claim.submit")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task SubmitClaim_TwoRequestsAtOnce_SubmitOnceAndTheOtherIs409()
    {
        await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Parallel");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);
        var (id, _) = await PrepareAsync(officer, 1, "2026-10");
        foreach (var line in (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines?pageSize=200"))).GetProperty("items").EnumerateArray())
        {
            (await auditor.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line.GetProperty("lineId").GetGuid()}/validate", new { })).EnsureSuccessStatusCode();
        }

        var responses = await Task.WhenAll(officer.PostAsync($"/api/v1/claims/{id}/submit", null), auditor.PostAsync($"/api/v1/claims/{id}/submit", null));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var lines = await factory.QueryDbAsync(db => db.ClaimLines.CountAsync(l => l.ClaimId == new Domain.Claims.ClaimId(id) && l.Status == Domain.Claims.ClaimLineStatus.Validated));
        (await factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync(o => o.ClaimId == new Domain.Claims.ClaimId(id)))).Should().Be(lines);
    }

    [Fact]
    public async Task ResultsClaim_ProposesTheResultsTheEngineFindsMet_AndNotTheNearMiss()
    {
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        Task<Guid> HouseholdAsync(string name) =>
            factory.QueryDbAsync(db => db.Households.Where(h => h.Name == name).Select(h => h.Id.Value).SingleAsync());
        var pryces = await HouseholdAsync("Pryce household");
        var dunns = await HouseholdAsync("Dunn household");

        var (id, _) = await PrepareAsync(officer, 1, "2026-11", "Results");

        var claim = await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}"));
        claim.GetProperty("status").GetString().Should().Be("Draft");
        var lines = (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
        var pryceLine = lines.Should().ContainSingle(l => l.GetProperty("householdId").GetGuid() == pryces,
            "the Pryces' ASB is down 60% and the mother has been in work 15 weeks (TF2)").Which;
        pryceLine.GetProperty("result").GetString().Should().Be("ContinuousEmployment", "in phase 1 continuous employment pays instead of both other results (TF3)");
        pryceLine.GetProperty("amount").GetDecimal().Should().BePositive();
        lines.Should().NotContain(l => l.GetProperty("householdId").GetGuid() == dunns, "the Dunns are a near-miss: ASB down only 50%");
        var evidence = await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines/{pryceLine.GetProperty("lineId").GetGuid()}"));
        evidence.GetRawText().Should().Contain("weeks");
    }

    [Fact]
    public async Task PrepareClaim_ForATakenWindow_Is409_AndCancellingThePreparationFreesTheWindow()
    {
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);
        var first = await officer.PostAsJsonAsync("/api/v1/claims", new { phase = 2, kind = "Results", window = "2026-07" });
        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var taken = await auditor.PostAsJsonAsync("/api/v1/claims", new { phase = 2, kind = "Results", window = "2026-07" });

        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(taken)).Should().Be("claims.window-taken");
        var cancelled = await JsonAsync(await auditor.PostAsync($"/api/v1/claims/{id}/cancel", null));
        cancelled.GetProperty("status").GetString().Should().Be("Cancelled");
        var twice = await auditor.PostAsync($"/api/v1/claims/{id}/cancel", null);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(twice)).Should().Be("claims.not-preparing");
        var (again, _) = await PrepareAsync(officer, 2, "2026-07", "Results");
        again.Should().NotBe(id);
        (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{again}"))).GetProperty("status").GetString().Should().Be("Draft");
    }

    [Fact]
    public async Task PrepareClaim_FourRequestsAtOnceForOneWindow_OneIs202_TheOthers409WindowTaken()
    {
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);

        var responses = await Task.WhenAll(new[] { officer, auditor, officer, auditor }
            .Select(client => client.PostAsJsonAsync("/api/v1/claims", new { phase = 2, kind = "Attachment", window = "2026-06" })));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Accepted, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict]);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await CodeAsync(refused)).Should().Be("claims.window-taken");
        }

        (await factory.QueryDbAsync(db => db.Claims.CountAsync(c => c.Phase == 2 && c.Window == "2026-06"))).Should().Be(1);
    }

    [Fact]
    public async Task Submit_OfAnOutcomeClaimedBefore_Is409AlreadyClaimed_AndASpotCheckBeforeSubmissionIs409NotSubmitted()
    {
        var family = await factory.AddAsync("COUNCIL", new DateOnly(2026, 1, 15), "Twiceover");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await factory.ApiClientForAsync(DemoUsers.ClaimsAuditor);
        var (february, _) = await PrepareAsync(officer, 2, "2026-02");
        var (march, _) = await PrepareAsync(officer, 2, "2026-03");
        foreach (var claim in new[] { february, march })
        {
            // Only this test's family is validated: other tests of the class add families of their own.
            var lines = (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{claim}/lines?pageSize=200"))).GetProperty("items").EnumerateArray();
            var ours = lines.Single(l => l.GetProperty("caseId").GetGuid() == family.CaseId.Value).GetProperty("lineId").GetGuid();
            (await auditor.PostAsJsonAsync($"/api/v1/claims/{claim}/lines/{ours}/validate", new { })).EnsureSuccessStatusCode();
        }

        var early = await auditor.GetAsync($"/api/v1/claims/{march}/spot-check");
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(early)).Should().Be("claims.not-submitted");
        (await officer.PostAsync($"/api/v1/claims/{february}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await officer.PostAsync($"/api/v1/claims/{march}/submit", null);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await CodeAsync(again)).Should().Be("claims.already-claimed");
        (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{march}"))).GetProperty("status").GetString().Should().Be("Draft");
        var marchId = new Domain.Claims.ClaimId(march);
        (await factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync(o => o.ClaimId == marchId))).Should().Be(0, "nothing of the refused claim is in the ledger");
        (await factory.QueryDbAsync(db => db.ClaimedFamilies.CountAsync(f => f.ClaimId == marchId))).Should().Be(0);
        (await factory.QueryDbAsync(db => db.Claims.Where(c => c.Id == marchId).Select(c => c.SubmittedBy).SingleAsync())).Should().BeNull();
    }

    [Fact]
    public async Task ValidateOrReject_ByThePreparer_Is403SecondPerson_AndTheLineStaysProposed()
    {
        await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Ownwork");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var (id, _) = await PrepareAsync(officer, 1, "2026-11");
        var line = (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines?pageSize=200"))).GetProperty("items")[0].GetProperty("lineId").GetGuid();
        var decisionsBefore = await factory.QueryDbAsync(db => db.ClaimLineDecisions.CountAsync());

        var validate = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line}/validate", new { note = "mine" });
        var reject = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line}/reject", new { note = "mine" });

        foreach (var refused in new[] { validate, reject })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await CodeAsync(refused)).Should().Be("claims.second-person");
        }

        var after = await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines/{line}"));
        after.GetProperty("line").GetProperty("status").GetString().Should().Be("Proposed");
        after.GetProperty("line").GetProperty("validatedBy").ValueKind.Should().Be(JsonValueKind.Null);
        (await factory.QueryDbAsync(db => db.ClaimLineDecisions.CountAsync())).Should().Be(decisionsBefore);
    }

    [Fact]
    public async Task AClaimOfAnotherAgency_IsNotFound_ToItsClaimsOfficer_AndNothingChanges()
    {
        await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Elsewhere");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        const string email = "claims.officer@fit.demo";
        const string password = "marmalade tractor violin";
        (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = "Fit Claims", agencyCode = "FIT", roles = new[] { "ClaimsOfficer" }, initialPassword = password }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var other = await factory.ApiClientForAsync(email, password);
        var (id, _) = await PrepareAsync(officer, 2, "2026-10");
        var line = (await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines?pageSize=200"))).GetProperty("items")[0].GetProperty("lineId").GetGuid();
        var decisionsBefore = await factory.QueryDbAsync(db => db.ClaimLineDecisions.CountAsync());

        var responses = new[]
        {
            await other.GetAsync($"/api/v1/claims/{id}"),
            await other.GetAsync($"/api/v1/claims/{id}/history"),
            await other.GetAsync($"/api/v1/claims/{id}/lines"),
            await other.GetAsync($"/api/v1/claims/{id}/lines/{line}"),
            await other.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line}/validate", new { note = "not ours" }),
            await other.PostAsJsonAsync($"/api/v1/claims/{id}/lines/{line}/reject", new { note = "not ours" }),
            await other.PostAsync($"/api/v1/claims/{id}/submit", null),
            await other.PostAsync($"/api/v1/claims/{id}/cancel", null),
            await other.GetAsync($"/api/v1/claims/{id}/export"),
            await other.GetAsync($"/api/v1/claims/{id}/spot-check"),
        };

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, response.RequestMessage!.RequestUri!.ToString());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("title").GetString().Should().Be("Not found");
            problem.TryGetProperty("code", out _).Should().BeFalse("a 404 says no more than that the claim is not there");
        }

        var list = await JsonAsync(await other.GetAsync("/api/v1/claims?pageSize=100"));
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().NotContain(id);
        (await factory.QueryDbAsync(db => db.ClaimLineDecisions.CountAsync())).Should().Be(decisionsBefore);
        var claim = await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}"));
        claim.GetProperty("status").GetString().Should().Be("Draft");
        claim.GetProperty("counts").GetProperty("proposed").GetInt32().Should().Be(claim.GetProperty("lines").GetInt32());
    }

    [Fact]
    public async Task ListingAClaimsLines_AndTheClaims_IsAudited()
    {
        await factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Listed");
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var (id, _) = await PrepareAsync(officer, 1, "2026-10", "Results");
        var linesRead = await factory.AuditCountAsync("claim.lines-read");
        var claimsListed = await factory.AuditCountAsync("claims.list");

        await JsonAsync(await officer.GetAsync($"/api/v1/claims/{id}/lines?status=Proposed&pageSize=5"));
        await JsonAsync(await officer.GetAsync("/api/v1/claims"));

        (await factory.AuditCountAsync("claim.lines-read")).Should().Be(linesRead + 1);
        (await factory.AuditCountAsync("claims.list")).Should().Be(claimsListed + 1);
        var entry = await factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.Action == "claim.lines-read").OrderByDescending(a => a.Id).FirstAsync());
        entry.EntityId.Should().Be(new Domain.Claims.ClaimId(id).ToString());
        entry.Detail.Should().Contain("Proposed");
    }

    [Fact]
    public async Task GetClaim_ThatDoesNotExist_Returns404()
    {
        var officer = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var response = await officer.GetAsync($"/api/v1/claims/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
