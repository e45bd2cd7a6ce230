using System.Net;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The partnership report page: its period form, sections, tables behind the charts and the download.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task ReportPage_ShowsEachPriorityWithTablesForItsChartsAndDownloads()
    {
        var browser = await SignedInBrowserAsync("manager@daat.demo");
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var page = await browser.GetStringAsync("/reports/partnership");
        var narrowed = await browser.GetStringAsync("/reports/partnership?Input.From.Day=1&Input.From.Month=4&Input.From.Year=2026&Input.To.Day=30&Input.To.Month=9&Input.To.Year=2026");
        var wrong = await browser.GetStringAsync("/reports/partnership?Input.From.Day=1&Input.From.Month=9&Input.From.Year=2026&Input.To.Day=1&Input.To.Month=4&Input.To.Year=2026");
        var download = await browser.GetAsync("/reports/partnership?handler=Download&from=2026-04-01&to=2026-11-26");
        var refused = await caseworker.GetAsync("/reports/partnership");
        var index = await browser.GetStringAsync("/reports");
        var caseworkerIndex = await caseworker.GetStringAsync("/reports");

        page.Should().Contain("Partnership report").And.Contain("1 April 2026 to 26 November 2026")
            .And.Contain("data-testid=\"priority-DrugsAndAlcohol\"").And.Contain("data-testid=\"series-InTreatment\"").And.Contain("fewer than 5");
        narrowed.Should().Contain("1 April 2026 to 30 September 2026");
        wrong.Should().Contain("There is a problem").And.Contain("The period must end on or after it starts");
        download.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        refused.StatusCode.Should().NotBe(HttpStatusCode.OK);
        index.Should().Contain("/reports/partnership");
        caseworkerIndex.Should().NotContain("/reports/partnership").And.Contain("/reports/iom");
    }

    [Fact]
    public async Task ReferenceFigurePages_AnAdministratorRecordsOneWithErrorsFirst_AndRemovesIt()
    {
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);

        var empty = await PostFormAsync(admin, "/admin/reference-figures/record", new() { ["Input.Value"] = "lots" });
        var saved = await PostFormAsync(admin, "/admin/reference-figures/record", new()
        {
            ["Input.Priority"] = "VulnerablePeople",
            ["Input.Code"] = "MaracReferrals",
            ["Input.Label"] = "Referrals to MARAC",
            ["Input.Unit"] = "Count",
            ["Input.Value"] = "1,204",
            ["Input.On.Day"] = "31",
            ["Input.On.Month"] = "3",
            ["Input.On.Year"] = "2026",
            ["Input.Source"] = "MARAC coordinator's annual return",
        });
        var list = await admin.GetStringAsync("/admin/reference-figures");
        var id = await factory.QueryDbAsync(db => db.ReferenceFigures.Where(f => f.Code == "MaracReferrals").Select(f => f.Id).SingleAsync());
        var removed = await PostFormAsync(admin, $"/admin/reference-figures?handler=Remove&id={id}", new(), tokenPage: "/admin/reference-figures");
        var after = await admin.GetStringAsync("/admin/reference-figures");

        (await empty.Content.ReadAsStringAsync()).Should().Contain("There is a problem").And.Contain("The figure must be a number");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        list.Should().Contain("Referrals to MARAC").And.Contain("1,204").And.Contain("31 March 2026");
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Should().NotContain("Referrals to MARAC");
    }
}
