using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class ClaimJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    [Fact]
    public async Task AClaim_IsPreparedWatchedCheckedBySomeoneElseSubmittedDownloadedAndSpotChecked()
    {
        for (var i = 0; i < 3; i++)
        {
            await browser.App.AddAsync("COUNCIL", Today.AddMonths(-1), UniqueName.Of("Claim"));
        }

        await using var officer = await browser.NewSessionAsync();
        var page = officer.Page;
        await officer.SignInAsync(DemoUsers.ClaimsOfficer);
        await officer.VisitAsync("/claims");
        await officer.ClickAsync(page.GetByTestId("prepare-claim"));
        await page.GetByLabel("Phase 1 (2012 to 2015)", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Attachment fees for families newly attached").CheckAsync();
        await page.GetByLabel("Claim window").FillAsync("2026-11");
        await officer.ClickAsync(page.GetByTestId("start-preparation"));

        await Expect(page.GetByTestId("claim-status")).ToHaveTextAsync("Preparing");
        await Expect(page.GetByTestId("claim-progress")).ToBeVisibleAsync();
        var claimPath = new Uri(page.Url).AbsolutePath;
        await browser.App.Services.GetRequiredService<ClaimPreparationJob>().Run(Guid.Parse(claimPath.Split('/')[^1]), CancellationToken.None);
        await officer.ClickAsync(page.GetByTestId("refresh"));
        await Expect(page.GetByTestId("claim-status")).ToHaveTextAsync("Draft");
        await Expect(page.GetByTestId("line-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("preparer-note")).ToBeVisibleAsync();
        await officer.ClickAsync(page.GetByTestId("line-link").First);
        await Expect(page.GetByTestId("evidence-links")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cannot-decide")).ToContainTextAsync("another claims officer");

        await using var auditor = await browser.NewSessionAsync();
        await auditor.SignInAsync(DemoUsers.ClaimsAuditor);
        for (var i = 0; i < 3; i++)
        {
            await auditor.VisitAsync(claimPath);
            await auditor.ClickAsync(auditor.Page.GetByTestId("line-row").Filter(new() { HasText = "Proposed" }).First.GetByTestId("line-link"));
            await Expect(auditor.Page.GetByTestId("evidence-summary")).ToContainTextAsync("Attachment fee");
            await auditor.Page.GetByLabel("Note").FillAsync("Attachment date checked against the referral");
            await auditor.ClickAsync(auditor.Page.GetByTestId("validate-line"));
            await Expect(auditor.Page.GetByTestId("success")).ToContainTextAsync("Line validated");
        }

        await officer.VisitAsync(claimPath);
        await officer.ClickAsync(page.GetByTestId("submit-claim"));
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Claim submitted: 3 validated lines");
        await Expect(page.GetByTestId("claim-status")).ToHaveTextAsync("Submitted");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-claim").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("LINE_STATUS", csv, StringComparison.Ordinal);
        Assert.Contains("Validated", csv, StringComparison.Ordinal);
        Assert.Equal("claim-phase1-attachment-2026-11.csv", download.SuggestedFilename);

        await officer.ClickAsync(page.GetByTestId("spot-check"));
        await Expect(page.GetByTestId("spot-check-line")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("spot-check-summary")).ToContainTextAsync("1 of the 3 submitted lines");
        await officer.VisitAsync("/claims/figures");
        await Expect(page.GetByTestId("phase-1-allocation")).ToContainTextAsync("3 of the area's allocation of 275");
    }
}
