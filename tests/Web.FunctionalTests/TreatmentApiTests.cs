using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Domain.Agencies;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Substance misuse treatment over HTTP (API.md "Substance misuse treatment"), with its refusals.</summary>
public sealed class TreatmentApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private const string DaatManager = "manager@daat.demo";

    private static async Task<string> RegisterAsync(HttpClient client, string familyName)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Treated", familyName, dateOfBirth = "1988-04-05" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static object Episode(string personId, string scheme = "AdultTreatment", string primary = "Heroin") => new
    {
        scheme,
        personId,
        startDate = "2026-06-01",
        referral = new { date = "2026-05-20", source = "Criminal justice: DIP" },
        triageDate = "2026-05-27",
        substances = new { primary, secondary = "Crack" },
        injectingStatus = "Previously",
    };

    private static async Task<JsonElement> OpenAsync(HttpClient client, string familyName)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", Episode(await RegisterAsync(client, familyName)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<string> DawnsTreatmentCaseAsync() =>
        factory.QueryDbAsync(async db =>
        {
            var dawn = await db.People.Where(p => p.FamilyName == "Marsh" && p.GivenName == "Dawn").Select(p => p.Id).SingleAsync();
            return (await db.Cases.Where(c => c.PersonId == dawn && c.Scheme == Scheme.AdultTreatment).Select(c => c.Id).SingleAsync()).Value.ToString();
        });

    [Fact]
    public async Task OpenTreatmentCase_Returns201WithTheEpisode()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);

        var created = await OpenAsync(daat, "Opened");

        var treatment = created.GetProperty("treatment");
        treatment.GetProperty("referralSource").GetString().Should().Be("Criminal justice: DIP");
        treatment.GetProperty("primarySubstance").GetString().Should().Be("Heroin");
        treatment.GetProperty("secondarySubstance").GetString().Should().Be("Crack");
        treatment.GetProperty("opiateClient").GetBoolean().Should().BeTrue();
        treatment.GetProperty("careCoordinatorName").GetString().Should().Be("Kev Robson");
        created.GetProperty("dataCategory").GetString().Should().Be("HealthSubstanceMisuse");
        created.GetProperty("successfulCompletion").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task OpenTreatmentCase_WithoutItsFields_Returns400WithErrors()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var person = await RegisterAsync(daat, "NoFields");

        var response = await daat.PostAsJsonAsync("/api/v1/cases", new { scheme = "AdultTreatment", personId = person, startDate = "2026-11-01" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        errors.TryGetProperty("referral", out _).Should().BeTrue();
        errors.TryGetProperty("substances", out _).Should().BeTrue();
        errors.TryGetProperty("injectingStatus", out _).Should().BeTrue();
    }

    [Fact]
    public async Task OpenCase_ForAnotherSchemeWithTreatmentFields_Returns400()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var person = await RegisterAsync(daat, "NotTreatment");

        var response = await daat.PostAsJsonAsync("/api/v1/cases", Episode(person, scheme: "TroubledFamilies"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").TryGetProperty("referral", out _).Should().BeTrue();
    }

    [Fact]
    public async Task OpenTreatmentCase_WithAnUnknownSubstance_Returns400()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var person = await RegisterAsync(daat, "Unknown");

        var response = await daat.PostAsJsonAsync("/api/v1/cases", Episode(person, primary: "Tea"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TreatmentInterventions_StartEndAndList_AndEndingTwiceIs409()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var opened = await OpenAsync(daat, "Scripted");
        var id = opened.GetProperty("id").GetString();

        var started = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions",
            new { type = "Pharmacological", medication = "Methadone", mode = "Maintenance", startDate = "2026-06-02" });
        var intervention = await started.Content.ReadFromJsonAsync<JsonElement>();
        var iid = intervention.GetProperty("id").GetString();
        var ended = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}/end", new { endDate = "2026-09-30" });
        var again = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}/end", new { endDate = "2026-10-30" });
        var list = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/treatment-interventions");
        var one = await daat.GetFromJsonAsync<JsonElement>(started.Headers.Location);
        var unknown = await daat.GetAsync($"/api/v1/cases/{id}/treatment-interventions/{Guid.NewGuid()}");

        started.StatusCode.Should().Be(HttpStatusCode.Created);
        started.Headers.Location!.ToString().Should().Be($"/api/v1/cases/{id}/treatment-interventions/{iid}");
        one.GetProperty("endDate").GetString().Should().Be("2026-09-30");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        intervention.GetProperty("dataCategory").GetString().Should().Be("HealthSubstanceMisuse");
        ended.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endDate").GetString().Should().Be("2026-09-30");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(again)).GetProperty("code").GetString().Should().Be("treatment-intervention.already-ended");
        list.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task StartTreatmentIntervention_WithoutMedicationOrMode_Returns400WithErrors()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var id = (await OpenAsync(daat, "Incomplete")).GetProperty("id").GetString();

        var noMedication = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "Pharmacological", startDate = "2026-06-02" });
        var noMode = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "Pharmacological", medication = "Buprenorphine", startDate = "2026-06-02" });

        noMedication.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(noMedication)).GetProperty("errors").TryGetProperty("medication", out _).Should().BeTrue();
        noMode.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(noMode)).GetProperty("errors").TryGetProperty("mode", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Top_ReviewWithoutStartIs409_OutOfRangeIs400_StartIs201AndListed()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var id = (await OpenAsync(daat, "Topped")).GetProperty("id").GetString();

        var noStart = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Review", completedOn = "2026-11-01", opiateDays = 3 });
        var outOfRange = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Start", completedOn = "2026-06-01", opiateDays = 29, qualityOfLife = 25 });
        var start = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Start", completedOn = "2026-06-01", opiateDays = 26, crackDays = (int?)null, sharedNeedles = false, qualityOfLife = 6 });
        var list = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/top");
        var one = await daat.GetFromJsonAsync<JsonElement>(start.Headers.Location);

        one.GetProperty("stage").GetString().Should().Be("Start");
        start.Headers.Location!.ToString().Should().Be($"/api/v1/cases/{id}/top/{one.GetProperty("id").GetString()}");
        noStart.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(noStart)).GetProperty("code").GetString().Should().Be("top.no-start");
        outOfRange.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(outOfRange)).GetProperty("errors");
        errors.TryGetProperty("opiateDays", out _).Should().BeTrue();
        errors.TryGetProperty("qualityOfLife", out _).Should().BeTrue();
        start.StatusCode.Should().Be(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var answers = list.EnumerateArray().Single().GetProperty("answers");
        answers.GetProperty("opiateDays").GetInt32().Should().Be(26);
        answers.GetProperty("crackDays").ValueKind.Should().Be(JsonValueKind.Null);
        answers.GetProperty("sharedNeedles").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Discharge_ThroughTheSharedExitWorkflow_GivesSuccessfulCompletion()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var manager = await factory.ApiClientForAsync(DaatManager);
        var id = (await OpenAsync(daat, "Discharged")).GetProperty("id").GetString();

        var wrongReason = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/exit-nomination", new { reason = "SustainedProgress", note = "Doing well" });
        var nominated = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/exit-nomination", new { reason = "CompletedDrugFree", note = "Completed, drug-free" });
        var approved = await manager.PostAsJsonAsync($"/api/v1/cases/{id}/exit-nomination/approve", new { exitedOn = "2026-11-20" });
        var view = await approved.Content.ReadFromJsonAsync<JsonElement>();
        var reviewAfter = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Review", completedOn = "2026-11-20" });
        var postTreatment = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "PostTreatment", completedOn = "2026-11-20", opiateDays = 0 });

        reviewAfter.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(reviewAfter)).GetProperty("code").GetString().Should().Be("case.already-exited");
        postTreatment.StatusCode.Should().Be(HttpStatusCode.Created, "DT3: the optional post-treatment TOP follows the discharge");
        wrongReason.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(wrongReason)).GetProperty("code").GetString().Should().Be("case.exit-reason");
        nominated.StatusCode.Should().Be(HttpStatusCode.OK);
        approved.StatusCode.Should().Be(HttpStatusCode.OK);
        view.GetProperty("successfulCompletion").GetBoolean().Should().BeTrue();
        view.GetProperty("representation").ValueKind.Should().Be(JsonValueKind.Null, "182 days have not passed");
        view.GetProperty("treatment").GetProperty("dischargeReason").GetString().Should().Be("CompletedDrugFree");
    }

    [Fact]
    public async Task TreatmentRoutes_ForAUserWithoutTheRole_Return403()
    {
        var claims = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var id = await DawnsTreatmentCaseAsync();

        var list = await admin.GetAsync($"/api/v1/cases/{id}/treatment-interventions");
        var top = await admin.GetAsync($"/api/v1/cases/{id}/top");
        var start = await claims.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "Psychosocial", startDate = "2026-11-01" });
        var record = await claims.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Start", completedOn = "2026-11-01" });

        new[] { list, top, start, record }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TreatmentRoutes_ForAnAgencyThatCannotSeeTheCase_Return404AndAreAudited()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await DawnsTreatmentCaseAsync();

        var list = await police.GetAsync($"/api/v1/cases/{id}/treatment-interventions");
        var top = await police.GetAsync($"/api/v1/cases/{id}/top");
        var start = await police.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "Psychosocial", startDate = "2026-11-01" });

        new[] { list, top, start }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.NotFound);
        var refused = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.ActorEmail == DemoUsers.PoliceCaseworker && a.Outcome != Domain.Auditing.AuditOutcome.Allowed)
            .Select(a => a.Action).ToListAsync());
        refused.Should().Contain(["treatment-intervention.list", "top.list", "command.StartTreatmentInterventionCommand"]);
    }

    [Fact]
    public async Task SingleTreatmentRecordsAndEnding_ForAnAgencyThatCannotSeeTheCase_Return404AndAreAudited()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await DawnsTreatmentCaseAsync();
        var started = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "RecoverySupport", startDate = "2026-11-02" });
        var iid = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var topId = await factory.QueryDbAsync(db => db.TopRecords.Where(t => t.CaseId == new Domain.Cases.CaseId(Guid.Parse(id))).Select(t => t.Id).FirstAsync());

        var intervention = await police.GetAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}");
        var top = await police.GetAsync($"/api/v1/cases/{id}/top/{topId}");
        var end = await police.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}/end", new { endDate = "2026-11-20" });

        started.StatusCode.Should().Be(HttpStatusCode.Created);
        new[] { intervention, top, end }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.NotFound);
        var refused = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.ActorEmail == DemoUsers.PoliceCaseworker && a.Outcome != Domain.Auditing.AuditOutcome.Allowed)
            .Select(a => new { a.Action, a.EntityId }).ToListAsync());
        refused.Where(a => a.EntityId == id).Select(a => a.Action).Should().Contain(["treatment-intervention.list", "top.list"]);
        refused.Select(a => a.Action).Should().Contain("command.EndTreatmentInterventionCommand");
        (await factory.QueryDbAsync(db => db.TreatmentInterventions.SingleAsync(i => i.Id == new Domain.Treatment.TreatmentInterventionId(Guid.Parse(iid!)))))
            .EndDate.Should().BeNull("a refused request changes nothing");
    }

    [Fact]
    public async Task EndingATreatmentIntervention_ByAPartnerThatMayReadTheCase_Returns403AndChangesNothing()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var id = await DawnsTreatmentCaseAsync();
        var started = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "Psychosocial", startDate = "2026-11-03" });
        var iid = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var read = await fit.GetAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}");
        var end = await fit.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}/end", new { endDate = "2026-11-20" });

        read.StatusCode.Should().Be(HttpStatusCode.OK, "Dawn consented to share her health data with the family partners");
        end.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the owning agency ends treatment");
        (await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/treatment-interventions/{iid}")).GetProperty("endDate").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task TreatmentReportAndExport_ForAnAdministrator_Return403_AndAnExportEndingBeforeItStarts_Returns400()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);

        var report = await admin.GetAsync("/api/v1/reports/treatment");
        var export = await admin.GetAsync("/api/v1/exports/treatment?from=2026-01-01&to=2026-11-25");
        var backwards = await daat.GetAsync("/api/v1/exports/treatment?from=2026-06-01&to=2026-01-01");

        report.StatusCode.Should().Be(HttpStatusCode.Forbidden, "administrators see no case data");
        export.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(backwards)).GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
    }

    [Fact]
    public async Task TreatmentWrites_ByAPartnerThatMayReadTheCase_Return403()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var id = await DawnsTreatmentCaseAsync();

        var read = await fit.GetAsync($"/api/v1/cases/{id}/treatment-interventions");
        var start = await fit.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions", new { type = "Psychosocial", startDate = "2026-11-01" });
        var record = await fit.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Start", completedOn = "2026-11-01" });

        read.StatusCode.Should().Be(HttpStatusCode.OK, "Dawn consented to share her health data with the family partners");
        start.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the owning agency records treatment");
        record.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TreatmentReport_CountsAnEpisodeOnLongTermMethadoneAndItsSuccessfulDischarge()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var manager = await factory.ApiClientForAsync(DaatManager);
        var before = await daat.GetFromJsonAsync<JsonElement>("/api/v1/reports/treatment?asOf=2026-11-01&from=2026-01-01&to=2026-11-25");
        var person = await RegisterAsync(daat, "LongTerm");
        var opened = await daat.PostAsJsonAsync("/api/v1/cases", new
        {
            scheme = "AdultTreatment",
            personId = person,
            startDate = "2023-06-01",
            referral = new { date = "2023-05-20", source = "Self" },
            substances = new { primary = "Heroin" },
            injectingStatus = "Currently",
        });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var script = await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions",
            new { type = "Pharmacological", medication = "Methadone", mode = "Maintenance", startDate = "2023-06-02" });
        script.StatusCode.Should().Be(HttpStatusCode.Created);

        var during = await daat.GetFromJsonAsync<JsonElement>("/api/v1/reports/treatment?asOf=2026-11-01&from=2026-01-01&to=2026-11-25");
        var iid = (await script.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await daat.PostAsJsonAsync($"/api/v1/cases/{id}/treatment-interventions/{iid}/end", new { endDate = "2026-11-10" });
        await daat.PostAsJsonAsync($"/api/v1/cases/{id}/exit-nomination", new { reason = "CompletedDrugFree", note = "Completed" });
        (await manager.PostAsJsonAsync($"/api/v1/cases/{id}/exit-nomination/approve", new { exitedOn = "2026-11-10" })).EnsureSuccessStatusCode();
        var after = await daat.GetFromJsonAsync<JsonElement>("/api/v1/reports/treatment?asOf=2026-11-01&from=2026-01-01&to=2026-11-25");

        int Figure(JsonElement report, string measure, string figure) => report.GetProperty(measure).GetProperty(figure).GetInt32();
        Figure(during, "inTreatment", "adults").Should().Be(Figure(before, "inTreatment", "adults") + 1);
        Figure(during, "longTermSubstitute", "opiateClients").Should().Be(Figure(before, "longTermSubstitute", "opiateClients") + 1);
        Figure(during, "longTermSubstitute", "onLongTermSubstitute").Should().Be(Figure(before, "longTermSubstitute", "onLongTermSubstitute") + 1);
        Figure(after, "completions", "discharges").Should().Be(Figure(before, "completions", "discharges") + 1);
        Figure(after, "completions", "successful").Should().Be(Figure(before, "completions", "successful") + 1);
        after.GetProperty("longTermYears").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task TreatmentReport_WithAPeriodEndingBeforeItStarts_Returns400()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);

        var response = await daat.GetAsync("/api/v1/reports/treatment?from=2026-06-01&to=2026-01-01");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").TryGetProperty("to", out _).Should().BeTrue();
    }

    [Fact]
    public async Task TreatmentExport_IsCsvWithOneRowPerEpisodeAndFormulaCellsNeutralised()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var person = await RegisterAsync(daat, "Exported");
        var opened = await daat.PostAsJsonAsync("/api/v1/cases", new
        {
            scheme = "AdultTreatment",
            personId = person,
            startDate = "2026-03-01",
            referral = new { date = "2026-02-20", source = "=HYPERLINK(\"http://x\")" },
            substances = new { primary = "Alcohol", secondary = "Cocaine" },
            injectingStatus = "Never",
        });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await daat.PostAsJsonAsync($"/api/v1/cases/{id}/top", new { stage = "Start", completedOn = "2026-03-01", alcoholDays = 20 });

        var response = await daat.GetAsync("/api/v1/exports/treatment?from=2026-01-01&to=2026-11-25");
        var text = await response.Content.ReadAsStringAsync();
        var missing = await daat.GetAsync("/api/v1/exports/treatment?from=2026-01-01");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("CLIENT_ID,EPISODE_ID,SERVICE,PROVIDER,REFERRAL_DATE,REFERRAL_SOURCE");
        var row = lines.Single(l => l.Contains(id!, StringComparison.Ordinal));
        row.Should().Contain("\"'=HYPERLINK(\"\"http://x\"\")\"", "a formula is neutralised and quoted");
        row.Should().Contain(",Alcohol,Cocaine,,Never,N,");
        row.Should().EndWith(",0,0,1");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TreatmentExport_ForAnAgencyThatMayReadNoTreatment_HasOnlyTheHeader()
    {
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);

        var text = await probation.GetStringAsync("/api/v1/exports/treatment?from=2020-01-01&to=2026-11-25");

        text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }
}
