using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The partnership report over HTTP (API.md "Partnership report and home"), on the demo partnership: its sections,
/// small-number suppression, agreement with the scheme reports it repeats, visibility, CSV, and the reference
/// figures an administrator keeps. Its own factory, so other tests' records do not change the figures.
/// </summary>
public sealed class PartnershipReportApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private const string DaatManager = "manager@daat.demo";

    private static JsonElement Section(JsonElement report, string priority) =>
        report.GetProperty("priorities").EnumerateArray().Single(p => p.GetProperty("priority").GetString() == priority);

    private static JsonElement Figure(JsonElement section, string code) =>
        section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    private static JsonElement Series(JsonElement section, string code) =>
        section.GetProperty("series").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Report_ByDefault_CoversTheFinancialYearToDateWithTheFivePrioritiesInOrder()
    {
        var manager = await factory.ApiClientForAsync(DaatManager);

        var report = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reports/partnership");

        report.GetProperty("from").GetString().Should().Be("2026-04-01");
        report.GetProperty("to").GetString().Should().Be("2026-11-26");
        report.GetProperty("suppressBelow").GetInt32().Should().Be(5);
        report.GetProperty("basis").GetString().Should().Contain("Only records you may see");
        report.GetProperty("priorities").EnumerateArray().Select(p => p.GetProperty("priority").GetString())
            .Should().Equal("Asb", "Reoffending", "DrugsAndAlcohol", "Families", "VulnerablePeople");
        Section(report, "VulnerablePeople").GetProperty("notYetRecorded").EnumerateArray().Should().ContainSingle()
            .Which.GetString().Should().Contain("not yet recorded");
    }

    [Fact]
    public async Task DrugsAndAlcohol_EqualsTheTreatmentReportForTheSamePeriod()
    {
        var manager = await factory.ApiClientForAsync(DaatManager);

        var report = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reports/partnership?from=2026-04-01&to=2026-11-26");
        var treatment = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reports/treatment?asOf=2026-11-26&from=2026-04-01&to=2026-11-26");

        var share = Figure(Section(report, "DrugsAndAlcohol"), "LongTermSubstituteShare");
        var longTerm = treatment.GetProperty("longTermSubstitute");
        share.GetProperty("suppressed").GetBoolean().Should().BeFalse();
        share.GetProperty("value").GetDecimal().Should().Be(
            Math.Round(100m * longTerm.GetProperty("onLongTermSubstitute").GetInt32() / longTerm.GetProperty("opiateClients").GetInt32(), 1));
        share.GetProperty("display").GetString().Should().Be("42.9%", "6 of the demo's 14 opiate clients are on long-term maintenance");
        Section(report, "DrugsAndAlcohol").GetProperty("references").EnumerateArray().Select(r => r.GetProperty("display").GetString())
            .Should().Contain(["90%", "43%"]);
    }

    [Fact]
    public async Task InTreatment_WithNoYoungPeople_HidesTheYoungPeopleAndTheAdultsTheTotalWouldReveal()
    {
        var manager = await factory.ApiClientForAsync(DaatManager);

        var report = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reports/partnership");

        var inTreatment = Series(Section(report, "DrugsAndAlcohol"), "InTreatment");
        var points = inTreatment.GetProperty("points").EnumerateArray().ToList();
        points.Should().OnlyContain(p => p.GetProperty("suppressed").GetBoolean() && p.GetProperty("display").GetString() == "<5"
            && p.GetProperty("value").ValueKind == JsonValueKind.Null);
        inTreatment.GetProperty("total").GetProperty("suppressed").GetBoolean().Should().BeFalse();
        inTreatment.GetProperty("total").GetProperty("value").GetInt32().Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Report_CountsOnlyWhatTheReaderMaySee()
    {
        var daat = await factory.ApiClientForAsync(DaatManager);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceManager);

        var daatReport = await daat.GetFromJsonAsync<JsonElement>("/api/v1/reports/partnership");
        var policeReport = await police.GetFromJsonAsync<JsonElement>("/api/v1/reports/partnership");

        Series(Section(daatReport, "DrugsAndAlcohol"), "InTreatment").GetProperty("total").GetProperty("value").GetInt32().Should().BeGreaterThanOrEqualTo(14);
        Series(Section(policeReport, "DrugsAndAlcohol"), "InTreatment").GetProperty("total").GetProperty("suppressed").GetBoolean()
            .Should().BeTrue("the police see no treatment record the demo's consents and agreements do not share");
        Figure(Section(policeReport, "DrugsAndAlcohol"), "LongTermSubstituteShare").GetProperty("display").GetString().Should().Be("No figures");
    }

    [Theory]
    [InlineData(DemoUsers.PoliceCaseworker)]
    [InlineData(DemoUsers.Administrator)]
    [InlineData(DemoUsers.ClaimsOfficer)]
    public async Task Report_ForSomeoneWhoIsNotAManagerOrTheIgLead_Returns403(string user)
    {
        var client = await factory.ApiClientForAsync(user);

        var report = await client.GetAsync("/api/v1/reports/partnership");
        var csv = await client.GetAsync("/api/v1/reports/partnership/export");

        report.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        csv.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Report_WithAPeriodEndingBeforeItStarts_Returns400()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var response = await ig.GetAsync("/api/v1/reports/partnership?from=2026-06-01&to=2026-01-01");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Export_IsCsvWithSuppressedFiguresInWordsAndNoNumber()
    {
        var manager = await factory.ApiClientForAsync(DaatManager);

        var response = await manager.GetAsync("/api/v1/reports/partnership/export?from=2026-04-01&to=2026-11-26");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        lines[0].Should().Be("Priority,Figure,Code,Breakdown,Value,Shown as,Period from,Period to");
        var youngPeople = lines.Single(l => l.Contains("InTreatment,Young people", StringComparison.Ordinal));
        youngPeople.Should().Contain(",,fewer than 5,", "a suppressed figure has no value, only words");
        lines.Should().Contain(l => l.Contains("LongTermSubstituteShare", StringComparison.Ordinal) && l.Contains("42.9%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReferenceFigures_AnAdministratorRecordsAndRemovesThem_AndTheReportShowsThem()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var caseworker = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var figure = new { code = "RepeatCallers", priority = "Asb", label = "Repeat callers about ASB", value = 312, unit = "Count", on = "2026-03-31", source = "Police command and control" };

        var created = await admin.PostAsJsonAsync("/api/v1/admin/reference-figures", figure);
        var again = await admin.PostAsJsonAsync("/api/v1/admin/reference-figures", figure);
        var bad = await admin.PostAsJsonAsync("/api/v1/admin/reference-figures", figure with { unit = "Percent", code = "Bad code!", source = "" });
        var byCaseworker = await caseworker.PostAsJsonAsync("/api/v1/admin/reference-figures", figure with { on = "2026-03-30" });
        var report = await ig.GetFromJsonAsync<JsonElement>("/api/v1/reports/partnership");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var removed = await admin.DeleteAsync($"/api/v1/admin/reference-figures/{id}");
        var removedAgain = await admin.DeleteAsync($"/api/v1/admin/reference-figures/{id}");
        var listed = await caseworker.GetFromJsonAsync<JsonElement>("/api/v1/reference-figures?priority=Asb");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("reference-figure.exists");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("code", out _).Should().BeTrue();
        errors.TryGetProperty("value", out _).Should().BeTrue("312 is not a percentage");
        errors.TryGetProperty("source", out _).Should().BeTrue();
        byCaseworker.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Section(report, "Asb").GetProperty("references").EnumerateArray().Select(r => r.GetProperty("display").GetString()).Should().Contain(["312", "17.8%", "7.6%"]);
        removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        removedAgain.StatusCode.Should().Be(HttpStatusCode.NotFound);
        listed.EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().NotContain("RepeatCallers").And.Contain("AsbPerception");
    }
}
