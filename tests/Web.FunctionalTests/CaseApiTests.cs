using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Cases, interventions, offences and the exit workflow over HTTP (API.md "Cases"), with their refusals.</summary>
public sealed class CaseApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private Task<string> PersonIdAsync(string familyName, string givenName) =>
        factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == familyName && p.GivenName == givenName).Select(p => p.Id.Value.ToString()).SingleAsync());

    private Task<string> IomCaseOfAsync(string familyName) =>
        factory.QueryDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.FamilyName == familyName).Select(p => p.Id).FirstAsync();
            return (await db.Cases.Where(c => c.PersonId == person && c.Scheme == Domain.Agencies.Scheme.Iom).Select(c => c.Id).SingleAsync()).Value.ToString();
        });

    /// <summary>A new person registered by the caller's agency, so that each test enrols someone of its own.</summary>
    private static async Task<string> RegisterAsync(HttpClient client, string familyName)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Test", familyName, dateOfBirth = "1991-02-03" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> OpenIomAsync(HttpClient client, string personId, string startDate = "2026-10-01")
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            scheme = "Iom",
            personId,
            startDate,
            cohort = "Fixed",
            tier = "red",
            selectionReason = "Three burglaries in six months",
            selectionScore = "OGRS 81%",
            custody = new { inCustody = true, establishment = "HMP Durham", expectedRelease = "2027-03-01" },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task OpenIomCase_Returns201WithLocationAndTheFirstReviewOneIntervalAfterStart()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var person = await RegisterAsync(police, "Enrolled");

        var response = await police.PostAsJsonAsync("/api/v1/cases", new
        {
            scheme = "iom",
            personId = person,
            startDate = "2026-11-02",
            cohort = "flex",
            selectionReason = "Panel decision: alcohol-related disorder",
            panelNote = "Agreed at tasking",
            mappa = true,
        });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fetched = await police.GetFromJsonAsync<JsonElement>(response.Headers.Location!);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        created.GetProperty("status").GetString().Should().Be("Active");
        created.GetProperty("ownerAgency").GetString().Should().Be("POLICE");
        created.GetProperty("cohort").GetString().Should().Be("Flex", "the configured spelling is stored");
        created.GetProperty("nextReviewDue").GetString().Should().Be("2026-11-30", "IOM reviews every 28 days (IOM5)");
        created.GetProperty("allocatedToName").GetString().Should().Be("Priya Shah", "the case is allocated to whoever opens it by default");
        created.GetProperty("mappa").GetBoolean().Should().BeTrue();
        created.GetProperty("custody").GetProperty("inCustody").GetBoolean().Should().BeFalse();
        fetched.GetProperty("id").GetString().Should().Be(created.GetProperty("id").GetString());
        fetched.GetProperty("personName").GetString().Should().Be("Test Enrolled");
    }

    [Theory]
    [InlineData("""{ "scheme": "Iom", "startDate": "2026-10-01", "cohort": "Platinum", "selectionReason": "x" }""", "Cohort")]
    [InlineData("""{ "scheme": "Iom", "startDate": "2026-10-01", "cohort": "Fixed", "tier": "Purple", "selectionReason": "x" }""", "Tier")]
    [InlineData("""{ "scheme": "Iom", "startDate": "2026-10-01", "cohort": "Fixed" }""", "SelectionReason")]
    [InlineData("""{ "scheme": "Iom", "startDate": "2026-10-01", "selectionReason": "x" }""", "Cohort")]
    [InlineData("""{ "scheme": "Iom", "startDate": "2027-01-01", "cohort": "Fixed", "selectionReason": "x" }""", "StartDate")]
    [InlineData("""{ "scheme": "Iom", "startDate": "2026-10-01", "cohort": "Fixed", "selectionReason": "x", "custody": { "inCustody": true } }""", "Custody.Establishment")]
    [InlineData("""{ "scheme": "Galaxy", "startDate": "2026-10-01" }""", "scheme")]
    public async Task OpenCase_WithBadInput_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var person = await RegisterAsync(police, "Invalid" + field.Replace(".", string.Empty, StringComparison.Ordinal));
        var json = body.Replace("{ ", $$"""{ "personId": "{{person}}", """, StringComparison.Ordinal);
        var before = await factory.QueryDbAsync(db => db.Cases.CountAsync());

        var response = await police.PostAsync("/api/v1/cases", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(name => name.Equals(field, StringComparison.OrdinalIgnoreCase));
        (await factory.QueryDbAsync(db => db.Cases.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task OpenCase_WhenThePersonIsAlreadyInTheScheme_Returns409()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var person = await RegisterAsync(police, "Twice");
        await OpenIomAsync(police, person);

        var again = await police.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId = person, startDate = "2026-11-01", cohort = "Free", selectionReason = "Again" });

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(again)).GetProperty("code").GetString().Should().Be("case.already-open");
    }

    [Fact]
    public async Task OpenCase_ForASchemeTheAgencyDoesNotWork_Returns403()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var dawn = await PersonIdAsync("Marsh", "Dawn");

        var response = await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId = dawn, startDate = "2026-11-01", cohort = "Fixed", selectionReason = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenCase_ForAPersonTheCallerCannotSee_Returns404()
    {
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var tom = await PersonIdAsync("Tindall", "Tom");

        var response = await daat.PostAsJsonAsync("/api/v1/cases", new
        {
            scheme = "AdultTreatment",
            personId = tom,
            startDate = "2026-11-01",
            referral = new { date = "2026-10-20", source = "Self" },
            substances = new { primary = "Heroin" },
            injectingStatus = "Never",
        });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetCase_OfAnotherSchemeNotShared_Returns404_AndSharedOneCarriesTheRule()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adamsIomCase = await IomCaseOfAsync("Ashby");
        var refusalsBefore = await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.Outcome == Domain.Auditing.AuditOutcome.Refused));

        var hidden = await fit.GetAsync($"/api/v1/cases/{adamsIomCase}");
        var shared = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{adamsIomCase}");

        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.Outcome == Domain.Auditing.AuditOutcome.Refused)))
            .Should().Be(refusalsBefore + 1, "a refused read is audited");
        shared.GetProperty("access").GetProperty("rule").GetString().Should().Be("SharingAgreement");
        shared.GetProperty("status").GetString().Should().Be("ExitNominated", "the demo story ends with Adam nominated for exit");
    }

    [Fact]
    public async Task RefusedCaseReadsAndWrites_AreAuditedWithThePerson_AndListedInTheirAccessLog()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var governance = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var adamsIomCase = await IomCaseOfAsync("Ashby");
        var adam = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new Domain.Cases.CaseId(Guid.Parse(adamsIomCase))).Select(c => c.PersonId!.Value.Value).SingleAsync());

        var read = await fit.GetAsync($"/api/v1/cases/{adamsIomCase}");
        var interventions = await fit.GetAsync($"/api/v1/cases/{adamsIomCase}/interventions");
        var logged = await fit.PostAsJsonAsync($"/api/v1/cases/{adamsIomCase}/interventions", new { type = "HomeVisit", occurredAt = "2026-11-20T10:30:00+00:00", durationMinutes = 40, outcome = "Seen" });
        var offence = await fit.PostAsJsonAsync($"/api/v1/people/{adam}/offences", new { offenceType = "Theft", committedOn = "2026-10-01" });
        var log = await governance.GetFromJsonAsync<JsonElement>($"/api/v1/audit?personId={adam}&pageSize=200");
        var export = await governance.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/subject-access-export");

        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        interventions.StatusCode.Should().Be(HttpStatusCode.NotFound);
        logged.StatusCode.Should().Be(HttpStatusCode.NotFound);
        offence.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await read.Content.ReadAsStringAsync()).Should().NotContain(adam.ToString(), "the refused reader learns nothing of the person");
        var refusals = log.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("outcome").GetString() == "Refused" && e.GetProperty("actorEmail").GetString() == DemoUsers.FitKeyworker)
            .Select(e => e.GetProperty("action").GetString()).ToList();
        refusals.Should().Contain(["case.read", "intervention.list", "intervention.log", "offence.record"]);
        export.GetProperty("accessLog").EnumerateArray()
            .Where(e => e.GetProperty("outcome").GetString() == "Refused" && e.GetProperty("actorEmail").GetString() == DemoUsers.FitKeyworker)
            .Select(e => e.GetProperty("action").GetString()).Should().Contain(["case.read", "intervention.log"]);
    }

    [Fact]
    public async Task Interventions_AreOwnedByTheLoggingAgencyAndSharedByTheirCategory()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var person = await RegisterAsync(police, "Worked");
        var opened = await OpenIomAsync(police, person);
        var caseId = opened.GetProperty("id").GetString();

        var visit = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { type = "HomeVisit", occurredAt = "2026-11-20T10:30:00+00:00", durationMinutes = 40, outcome = "Seen" });
        var test = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new
        {
            type = "drugTest",
            occurredAt = "2026-11-21T11:00:00+00:00",
            result = "Positive",
            substances = new[] { "Cocaine", "Opiates" },
        });
        var probationList = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions");
        var policeList = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions");

        visit.StatusCode.Should().Be(HttpStatusCode.Created);
        visit.Headers.Location.Should().NotBeNull();
        var testBody = await test.Content.ReadFromJsonAsync<JsonElement>();
        testBody.GetProperty("dataCategory").GetString().Should().Be("HealthSubstanceMisuse");
        testBody.GetProperty("substances").EnumerateArray().Select(s => s.GetString()).Should().Equal("Opiates", "Cocaine");
        policeList.GetProperty("total").GetInt32().Should().Be(2);
        policeList.GetProperty("items")[0].GetProperty("type").GetString().Should().Be("DrugTest", "newest first");
        probationList.GetProperty("total").GetInt32().Should().Be(1, "the IOM agreement shares offending data, never health data without consent");
        var shared = probationList.GetProperty("items")[0];
        shared.GetProperty("type").GetString().Should().Be("HomeVisit");
        shared.GetProperty("access").GetProperty("rule").GetString().Should().Be("SharingAgreement");
    }

    [Theory]
    [InlineData("""{ "type": "Teleportation", "occurredAt": "2026-11-20T10:00:00Z" }""", "type")]
    [InlineData("""{ "type": "HomeVisit", "occurredAt": "2026-12-20T10:00:00Z" }""", "OccurredAt")]
    [InlineData("""{ "type": "HomeVisit" }""", "OccurredAt")]
    [InlineData("""{ "type": "DrugTest", "occurredAt": "2026-11-20T10:00:00Z" }""", "Result")]
    [InlineData("""{ "type": "DrugTest", "occurredAt": "2026-11-20T10:00:00Z", "result": "Negative", "substances": ["Cannabis"] }""", "Substances")]
    [InlineData("""{ "type": "HomeVisit", "occurredAt": "2026-11-20T10:00:00Z", "durationMinutes": 5000 }""", "DurationMinutes")]
    public async Task LogIntervention_WithBadInput_Returns400AndStoresNothing(string body, string field)
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var person = await RegisterAsync(police, "BadWork" + field);
        var caseId = (await OpenIomAsync(police, person)).GetProperty("id").GetString();
        var before = await factory.QueryDbAsync(db => db.Interventions.CountAsync());

        var response = await police.PostAsync($"/api/v1/cases/{caseId}/interventions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().Contain(name => name.Equals(field, StringComparison.OrdinalIgnoreCase));
        (await factory.QueryDbAsync(db => db.Interventions.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task ExitWorkflow_NominateApprove_ClosesTheCaseAndRefusesLaterWork()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var person = await RegisterAsync(police, "Leaving");
        var caseId = (await OpenIomAsync(police, person)).GetProperty("id").GetString();

        var nominated = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "SustainedProgress", note = "Six months without offending", evidence = "PNC check" });
        var queue = await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?status=ExitNominated&scheme=Iom");
        var caseworkerApproves = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/approve", new { });
        var approved = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/approve", new { note = "Agreed at panel" });
        var approvedBody = await approved.Content.ReadFromJsonAsync<JsonElement>();
        var laterWork = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { type = "PhoneContact", occurredAt = "2026-11-25T10:00:00Z" });
        var approveAgain = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/approve", new { });
        var reselected = await police.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId = person, startDate = "2026-11-26", cohort = "Free", selectionReason = "Re-selected by the panel" });

        (await nominated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("ExitNominated");
        queue.GetProperty("items").EnumerateArray().Should().Contain(c => c.GetProperty("id").GetString() == caseId);
        caseworkerApproves.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only a manager decides");
        approved.StatusCode.Should().Be(HttpStatusCode.OK);
        approvedBody.GetProperty("status").GetString().Should().Be("Exited");
        approvedBody.GetProperty("exitedOn").GetString().Should().Be("2026-11-26");
        approvedBody.GetProperty("nextReviewDue").ValueKind.Should().Be(JsonValueKind.Null, "exiting cancels the reviews");
        approvedBody.GetProperty("exitNominations")[0].GetProperty("decidedByName").GetString().Should().Be("Mark Hendry");
        laterWork.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(laterWork)).GetProperty("code").GetString().Should().Be("case.already-exited");
        approveAgain.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(approveAgain)).GetProperty("code").GetString().Should().Be("case.already-exited");
        reselected.StatusCode.Should().Be(HttpStatusCode.Created, "a person can be re-selected later as a new case");
    }

    [Fact]
    public async Task ExitWorkflow_TheNominatorCanNeverDecide()
    {
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var person = await RegisterAsync(manager, "OwnNomination");
        var caseId = (await OpenIomAsync(manager, person)).GetProperty("id").GetString();
        await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "MovedOutOfArea", note = "Moved to Leeds" });

        var approve = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/approve", new { });
        var reject = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/reject", new { note = "Changed my mind" });
        var status = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new Domain.Cases.CaseId(Guid.Parse(caseId!))).Select(c => c.Status).SingleAsync());

        approve.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        reject.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        status.Should().Be(Domain.Cases.CaseStatus.ExitNominated, "nothing changed");
    }

    [Fact]
    public async Task ExitWorkflow_RejectNeedsANote_AndReturnsTheCaseToActive()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var probationManager = await factory.ApiClientForAsync(DemoUsers.ProbationManager);
        var person = await RegisterAsync(police, "Rejected");
        var caseId = (await OpenIomAsync(police, person)).GetProperty("id").GetString();
        var badReason = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "Bored", note = "x" });
        var noNote = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "Other" });
        await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "NoOffendingForPeriod", note = "Quiet since June" });

        var twice = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "Other", note = "Again" });
        var otherAgency = await probationManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/reject", new { note = "Not ours to decide" });
        var withoutNote = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/reject", new { });
        var rejected = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/reject", new { note = "Intelligence of recent offending" });

        badReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(twice)).GetProperty("code").GetString().Should().Be("case.exit-already-nominated");
        otherAgency.StatusCode.Should().Be(HttpStatusCode.Forbidden, "probation may see the police case but only the owning agency decides");
        withoutNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Active");
        body.GetProperty("exitNominations")[0].GetProperty("decision").GetString().Should().Be("Rejected");
    }

    [Fact]
    public async Task EditRoutes_WithoutTheVersionRead_Return400OnVersion()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var person = await RegisterAsync(police, "Blind");
        var caseId = (await OpenIomAsync(police, person)).GetProperty("id").GetString();

        var iom = await police.PutAsJsonAsync($"/api/v1/cases/{caseId}/iom", new { cohort = "Fixed", tier = "Amber", selectionReason = "Released" });
        var allocation = await manager.PutAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { allocatedTo = (Guid?)null });
        var offenceType = await admin.PutAsJsonAsync("/api/v1/admin/offence-types/Theft", new { name = "Blind overwrite", unitCost = 1, priceYear = 2018 });

        foreach (var response in new[] { iom, allocation, offenceType })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, response.RequestMessage!.RequestUri!.ToString());
            (await ProblemAsync(response)).GetProperty("errors").TryGetProperty("version", out _).Should().BeTrue();
        }

        var types = await police.GetFromJsonAsync<JsonElement>("/api/v1/offence-types");
        types.EnumerateArray().Should().NotContain(t => t.GetProperty("name").GetString() == "Blind overwrite");
    }

    [Fact]
    public async Task UpdateIom_WithAStaleVersion_Returns409AndKeepsTheFirstEdit()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var person = await RegisterAsync(police, "Edited");
        var opened = await OpenIomAsync(police, person);
        var caseId = opened.GetProperty("id").GetString();
        var version = opened.GetProperty("version").GetInt32();

        var first = await police.PutAsJsonAsync($"/api/v1/cases/{caseId}/iom", new { version, cohort = "Fixed", tier = "Amber", selectionReason = "Released", custody = new { inCustody = false } });
        var second = await police.PutAsJsonAsync($"/api/v1/cases/{caseId}/iom", new { version, cohort = "Free", selectionReason = "Other edit" });
        var stored = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(second)).GetProperty("code").GetString().Should().Be("concurrency.stale");
        stored.GetProperty("tier").GetString().Should().Be("Amber");
        stored.GetProperty("cohort").GetString().Should().Be("Fixed");
        stored.GetProperty("custody").GetProperty("inCustody").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Offences_RecordListAndRefuseBadInput()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var person = await RegisterAsync(police, "Offender");

        var created = await police.PostAsJsonAsync($"/api/v1/people/{person}/offences", new { offenceType = "BurglaryDwelling", committedOn = "2026-06-01", convictedOn = "2026-08-01", outcome = "Custody" });
        var unknown = await police.PostAsJsonAsync($"/api/v1/people/{person}/offences", new { offenceType = "Piracy", committedOn = "2026-06-01" });
        var future = await police.PostAsJsonAsync($"/api/v1/people/{person}/offences", new { offenceType = "Theft", committedOn = "2027-06-01" });
        var convictedFirst = await police.PostAsJsonAsync($"/api/v1/people/{person}/offences", new { offenceType = "Theft", committedOn = "2026-06-01", convictedOn = "2026-05-01" });
        var list = await police.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}/offences");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("offenceTypeName").GetString().Should().Be("Burglary in a dwelling");
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        future.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        convictedFirst.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        list.GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Timeline_ShowsWhatTheCallerMaySee_NewestFirst()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var adam = await PersonIdAsync("Ashby", "Adam");

        var policeView = await police.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/timeline?pageSize=200");
        var probationView = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/timeline?pageSize=200");
        var treatmentCase = await factory.QueryDbAsync(async db => (await db.Cases.Where(c => c.PersonId == new Domain.People.PersonId(Guid.Parse(adam)) && c.Scheme == Domain.Agencies.Scheme.AdultTreatment).Select(c => c.Id).SingleAsync()).Value);
        var daatWork = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{treatmentCase}/interventions?pageSize=200");
        var daatTimeline = await daat.GetAsync($"/api/v1/people/{adam}/timeline");

        var policeItems = policeView.GetProperty("items").EnumerateArray().ToList();
        policeItems.Count(i => i.GetProperty("kind").GetString() == "Offence").Should().Be(15, "14 offences before selection and one lapse");
        policeItems.Should().NotContain(i => i.GetProperty("ownerAgency").GetString() == "DAAT", "DAAT's treatment sessions are health data not shared with police");
        policeItems.Select(i => i.GetProperty("at").GetDateTimeOffset()).Should().BeInDescendingOrder();
        policeItems.Should().Contain(i => i.GetProperty("kind").GetString() == "ExitNominated");
        var probationItems = probationView.GetProperty("items").EnumerateArray().ToList();
        probationItems.Should().Contain(i => i.GetProperty("kind").GetString() == "Offence" && i.GetProperty("access").GetProperty("rule").GetString() == "SharingAgreement");
        daatWork.GetProperty("items").EnumerateArray().Should().HaveCount(10).And.OnlyContain(i => i.GetProperty("type").GetString() == "AlcoholTreatmentSession");
        daatTimeline.StatusCode.Should().Be(HttpStatusCode.OK, "DAAT works Adam's treatment case, so it may read his person record (IS7a)");
        (await daatTimeline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Should().NotContain(i => i.GetProperty("ownerAgency").GetString() != "DAAT", "nothing else of another agency's comes with it");
    }

    [Fact]
    public async Task Caseload_FiltersSortsAndFlags()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);

        var mine = await police.GetFromJsonAsync<JsonElement>("/api/v1/cases?scheme=Iom&allocatedToMe=true&sort=LastContact");
        var probationIom = await probation.GetFromJsonAsync<JsonElement>("/api/v1/cases?scheme=Iom&ownerAgency=PROBATION");
        var badSort = await police.GetAsync("/api/v1/cases?sort=Colour");
        var badPage = await police.GetAsync("/api/v1/cases?pageSize=500");

        var adam = mine.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("personName").GetString() == "Adam Ashby");
        adam.GetProperty("lastContact").ValueKind.Should().Be(JsonValueKind.String);
        adam.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain("ExitNominated");
        var tom = probationIom.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("personName").GetString() == "Tom Tindall");
        tom.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).Should().Contain(["ReviewOverdue", "Ppo"]);
        tom.GetProperty("cohort").GetString().Should().Be("Fixed");
        badSort.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badPage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IomReport_MeasuresOffendingBeforeAndSinceEntry()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);

        var report = await police.GetFromJsonAsync<JsonElement>("/api/v1/reports/iom");
        var fitReport = await fit.GetFromJsonAsync<JsonElement>("/api/v1/reports/iom");

        var flex = report.GetProperty("offending").EnumerateArray().Single(r => r.GetProperty("cohort").GetString() == "Flex");
        flex.GetProperty("offencesBefore").GetInt32().Should().BeGreaterThanOrEqualTo(7, "Adam committed 7 of his 14 offences in the year before selection");
        flex.GetProperty("costBefore").GetDecimal().Should().BeGreaterThan(0);
        report.GetProperty("priceYears").EnumerateArray().Select(y => y.GetInt32()).Should().Contain(2003, "the IOM7 defaults are at 2003 prices");
        report.GetProperty("exitDecisions").GetProperty("pending").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        fitReport.GetProperty("total").GetProperty("people").GetInt32().Should().Be(0, "FIT may see no IOM case");
    }

    [Fact]
    public async Task IomReport_AsAtAnEarlierDay_CountsOnlyTheCohortThen()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceManager);

        var today = await police.GetFromJsonAsync<JsonElement>("/api/v1/reports/iom");
        var before = await police.GetFromJsonAsync<JsonElement>("/api/v1/reports/iom?asOf=2000-01-01");
        var badDay = await police.GetAsync("/api/v1/reports/iom?asOf=not-a-day");

        today.GetProperty("total").GetProperty("people").GetInt32().Should().BeGreaterThan(0);
        before.GetProperty("asOf").GetString().Should().Be("2000-01-01");
        before.GetProperty("total").GetProperty("people").GetInt32().Should().Be(0, "no one had entered IOM by 2000");
        badDay.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OffenceTypes_OnlyAdministratorsChangeUnitCosts()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var types = await police.GetFromJsonAsync<JsonElement>("/api/v1/offence-types");
        var robbery = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "Robbery");

        var refused = await police.PutAsJsonAsync("/api/v1/admin/offence-types/Robbery", new { name = "Robbery", unitCost = 1, priceYear = 2003 });
        var changed = await admin.PutAsJsonAsync("/api/v1/admin/offence-types/Robbery", new { name = "Robbery", unitCost = 11000, priceYear = 2018, version = robbery.GetProperty("version").GetInt32() });
        var stale = await admin.PutAsJsonAsync("/api/v1/admin/offence-types/Robbery", new { name = "Robbery", unitCost = 1, priceYear = 2018, version = robbery.GetProperty("version").GetInt32() });
        var noYear = await admin.PutAsJsonAsync("/api/v1/admin/offence-types/Arson", new { name = "Arson", unitCost = 8000 });

        robbery.GetProperty("unitCost").GetDecimal().Should().Be(7282m, "the IOM7 default");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("priceYear").GetInt32().Should().Be(2018);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        noYear.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
