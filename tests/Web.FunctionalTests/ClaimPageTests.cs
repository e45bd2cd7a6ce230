using System.Net;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Claims pages: a caseworker is refused, the prepare form starts a claim, the claim and line pages show progress, evidence and who may decide.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task ClaimsPages_ForACaseworker_AreForbidden()
    {
        var caseworker = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var list = await caseworker.GetAsync("/claims");
        var prepare = await caseworker.GetAsync("/claims/prepare");
        var figures = await caseworker.GetAsync("/claims/figures");

        new[] { list.StatusCode, prepare.StatusCode, figures.StatusCode }.Should().OnlyContain(s => s == HttpStatusCode.Forbidden || s == HttpStatusCode.Redirect);
        (await caseworker.GetStringAsync("/")).Should().NotContain("href=\"/claims\"");
    }

    [Fact]
    public async Task PreparePage_StartsAClaim_ThePageShowsProgressThenLines_AndOnlyASecondOfficerGetsTheDecisionForm()
    {
        await factory.AddAsync("COUNCIL", new DateOnly(2026, 8, 3), "Paged");
        var officer = await SignedInBrowserAsync(DemoUsers.ClaimsOfficer);
        var auditor = await SignedInBrowserAsync(DemoUsers.ClaimsAuditor);
        var bad = await PostFormAsync(officer, "/claims/prepare", new() { ["Input.Phase"] = "1", ["Input.Kind"] = "Attachment", ["Input.Window"] = "Nov" });
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("yyyy-mm");

        var response = await PostFormAsync(officer, "/claims/prepare", new() { ["Input.Phase"] = "1", ["Input.Kind"] = "Attachment", ["Input.Window"] = "2026-09" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var claimPath = response.Headers.Location!.ToString();
        var preparing = await officer.GetStringAsync(claimPath);
        preparing.Should().Contain("data-testid=\"claim-progress\"").And.Contain("data-testid=\"refresh\"");
        var id = Guid.Parse(claimPath.Split('/')[^1]);
        await factory.Services.GetRequiredService<ClaimPreparationJob>().Run(id, CancellationToken.None);
        var draft = await officer.GetStringAsync(claimPath);
        draft.Should().Contain("data-testid=\"lines-table\"").And.Contain("data-testid=\"preparer-note\"").And.Contain("download-claim");
        var line = await factory.QueryDbAsync(db => db.ClaimLines.Where(l => l.ClaimId == new Domain.Claims.ClaimId(id)).Select(l => l.Id).FirstAsync());
        var linePath = $"{claimPath}/lines/{line.Value}";
        (await officer.GetStringAsync(linePath)).Should().Contain("data-testid=\"cannot-decide\"").And.NotContain("data-testid=\"validate-line\"");
        (await auditor.GetStringAsync(linePath)).Should().Contain("data-testid=\"validate-line\"").And.Contain("data-testid=\"evidence-links\"");

        var rejected = await PostFormAsync(auditor, $"{linePath}?handler=Reject", new() { ["Input.Note"] = "" }, linePath);
        rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rejected.Content.ReadAsStringAsync()).Should().Contain("Say why the line is rejected");
        var validated = await PostFormAsync(auditor, $"{linePath}?handler=Validate", new() { ["Input.Note"] = "Checked" }, linePath);
        validated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var submitted = await PostFormAsync(officer, $"{claimPath}?handler=Submit", [], claimPath);
        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await officer.GetStringAsync(claimPath)).Should().Contain("Submitted").And.Contain("data-testid=\"spot-check\"");
        (await officer.GetStringAsync($"{claimPath}/spot-check")).Should().Contain("data-testid=\"spot-check-line\"");
        var pack = await officer.GetAsync($"{claimPath}/spot-check?handler=Download");
        pack.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var packCsv = await pack.Content.ReadAsStringAsync();
        packCsv.Should().Contain("SAMPLE_NO").And.Contain(",Line,").And.Contain(",Record,Attachment,");
        packCsv.Should().Contain(",Member,");
        var download = await officer.GetAsync($"{claimPath}?handler=Download");
        download.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await officer.GetStringAsync("/claims/figures")).Should().Contain("data-testid=\"phase-1-allocation\"");
    }

    [Fact]
    public async Task ClaimPage_WhilePreparing_OffersToCancel_AndACancelledClaimSaysSo()
    {
        var officer = await SignedInBrowserAsync(DemoUsers.ClaimsOfficer);
        var response = await PostFormAsync(officer, "/claims/prepare", new() { ["Input.Phase"] = "2", ["Input.Kind"] = "Results", ["Input.Window"] = "2026-05" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var claimPath = response.Headers.Location!.ToString();
        (await officer.GetStringAsync(claimPath)).Should().Contain("data-testid=\"cancel-form\"").And.NotContain("data-testid=\"preparation-stalled\"");

        var cancelled = await PostFormAsync(officer, $"{claimPath}?handler=Cancel", [], claimPath);

        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await officer.GetStringAsync(claimPath);
        page.Should().Contain("data-testid=\"claim-cancelled\"").And.Contain("Preparation cancelled").And.NotContain("data-testid=\"cancel-form\"");
        page.Should().Contain("Cancelled by Ruth Bell");
        var again = await PostFormAsync(officer, "/claims/prepare", new() { ["Input.Phase"] = "2", ["Input.Kind"] = "Results", ["Input.Window"] = "2026-05" });
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the window is free again");
    }

    [Fact]
    public async Task ResultsPage_ShowsMetResultsAndNearMisses_WithWhatWasMeasuredAndWhatWasNeeded_ForClaimsOfficersOnly()
    {
        var officer = await SignedInBrowserAsync(DemoUsers.ClaimsOfficer);
        var caseworker = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var page = await officer.GetStringAsync("/claims/results?phase=1");

        page.Should().Contain("data-testid=\"result-met\"").And.Contain("data-testid=\"result-near-miss\"");
        page.Should().Contain("ASB across the family down 50% over the last 6 months").And.Contain("60% down needed");
        (await officer.GetStringAsync("/claims")).Should().Contain("href=\"/claims/results\"");
        var future = await officer.GetStringAsync("/claims/results?phase=1&asOf=2099-01-01");
        future.Should().Contain("govuk-error-summary").And.Contain("The date cannot be in the future").And.NotContain("data-testid=\"results-case\"");
        (await officer.GetStringAsync("/claims/results?asOf=soon")).Should().Contain("Enter the day as yyyy-mm-dd");
        var refused = await caseworker.GetAsync("/claims/results");
        refused.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
