using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Consent, agreements, break-glass and audit over HTTP: the routes of API.md and their refusals.</summary>
public sealed class SharingApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private Task<string> PersonIdAsync(string familyName, string givenName) =>
        factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == familyName && p.GivenName == givenName).Select(p => p.Id.Value.ToString()).SingleAsync());

    [Fact]
    public async Task SharedPerson_CarriesTheAccessExplanation()
    {
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adam = await PersonIdAsync("Ashby", "Adam");

        var person = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}");

        person.GetProperty("ownerAgency").GetString().Should().Be("POLICE");
        var access = person.GetProperty("access");
        access.GetProperty("rule").GetString().Should().Be("SharingAgreement");
        access.GetProperty("agreementId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task OwnPerson_HasNoAccessExplanation()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var adam = await PersonIdAsync("Ashby", "Adam");

        var person = await police.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}");

        person.GetProperty("access").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Consent_RecordListAndWithdraw()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var chloe = await PersonIdAsync("Marsh", "Chloe");

        var created = await fit.PostAsJsonAsync($"/api/v1/people/{chloe}/consents", new
        {
            purpose = "TroubledFamilies",
            recipientAgencies = new[] { "HOUSING", "CSC" },
            dataCategories = new[] { "ChildrenSafeguarding", "EducationEmploymentBenefits" },
            status = "Given",
            givenBy = "ParentalResponsibility",
            recordedOn = "2026-11-20",
        });
        var consent = await created.Content.ReadFromJsonAsync<JsonElement>();
        var withdrawn = await fit.PostAsJsonAsync($"/api/v1/people/{chloe}/consents/{consent.GetProperty("id").GetString()}/withdraw", new { reason = "Mother asked us to stop" });
        var again = await fit.PostAsJsonAsync($"/api/v1/people/{chloe}/consents/{consent.GetProperty("id").GetString()}/withdraw", new { });
        var list = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/people/{chloe}/consents");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        consent.GetProperty("reviewOn").GetString().Should().Be("2027-11-20", "consent is reviewed 12 months after it is recorded by default");
        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Withdrawn");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        list.EnumerateArray().Should().ContainSingle(c => c.GetProperty("purpose").GetString() == "TroubledFamilies");
    }

    [Fact]
    public async Task Consent_WithBadInput_Returns400AndStoresNothing()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var jayden = await PersonIdAsync("Marsh", "Jayden");
        var before = await factory.QueryDbAsync(db => db.Consents.CountAsync());

        var response = await fit.PostAsJsonAsync($"/api/v1/people/{jayden}/consents", new
        {
            purpose = "Fit",
            recipientAgencies = Array.Empty<string>(),
            dataCategories = new[] { "Identity" },
            status = "Given",
            givenBy = "Self",
            recordedOn = "2030-01-01",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("recipientAgencies", out _).Should().BeTrue();
        errors.TryGetProperty("recordedOn", out _).Should().BeTrue();
        (await factory.QueryDbAsync(db => db.Consents.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Consent_OnAPersonTheCallerCannotSee_Returns404()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var kerry = await PersonIdAsync("Kirkbride", "Kerry");

        var list = await fit.GetAsync($"/api/v1/people/{kerry}/consents");
        var record = await fit.PostAsJsonAsync($"/api/v1/people/{kerry}/consents", new
        {
            purpose = "Iom",
            recipientAgencies = new[] { "FIT" },
            dataCategories = new[] { "Offending" },
            status = "Given",
            givenBy = "Self",
            recordedOn = "2026-11-01",
        });

        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
        record.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Agreements_OnlyTheIgLeadCreatesThem()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var caseworker = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var body = new
        {
            name = "Youth justice and children's services",
            agencies = new[] { "YOS", "CSC" },
            dataCategories = new[] { "Identity", "Offending", "ChildrenSafeguarding" },
            purposes = new[] { "TroubledFamilies" },
            lawfulBasis = "PublicTask",
            gateway = "Children Act 1989 s47",
            consentRequired = false,
            validFrom = "2026-12-01",
        };

        var refused = await caseworker.PostAsJsonAsync("/api/v1/sharing-agreements", body);
        var created = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", body);
        var list = await caseworker.GetFromJsonAsync<JsonElement>("/api/v1/sharing-agreements");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var agreement = await created.Content.ReadFromJsonAsync<JsonElement>();
        agreement.GetProperty("inForce").GetBoolean().Should().BeFalse("it starts next month");
        list.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Contain("Youth justice and children's services");
    }

    [Fact]
    public async Task Agreements_BreakingTheRules_Return409WithCode()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var victim = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
        {
            name = "Victims",
            agencies = new[] { "POLICE", "HOUSING" },
            dataCategories = new[] { "VictimSensitive" },
            purposes = new[] { "Fit" },
            lawfulBasis = "PublicTask",
            consentRequired = false,
            validFrom = "2026-01-01",
        });
        var health = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
        {
            name = "Health",
            agencies = new[] { "DAAT", "POLICE" },
            dataCategories = new[] { "HealthSubstanceMisuse" },
            purposes = new[] { "Iom" },
            lawfulBasis = "PublicTask",
            consentRequired = false,
            validFrom = "2026-01-01",
        });

        victim.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await victim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("agreement.victim-sensitive");
        health.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("agreement.special-category-needs-condition");
    }

    [Fact]
    public async Task BreakGlass_GrantsAccessAndIsReviewedByTheIgLead()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var tom = await PersonIdAsync("Tindall", "Tom");

        var before = await fit.GetAsync($"/api/v1/people/{tom}");
        var tooShort = await fit.PostAsJsonAsync($"/api/v1/people/{tom}/break-glass", new { justification = "urgent", riskCategory = "RiskToLife" });
        var granted = await fit.PostAsJsonAsync($"/api/v1/people/{tom}/break-glass", new { justification = "Threat to a child in the household reported tonight", riskCategory = "ChildAtRisk" });
        var grant = await granted.Content.ReadFromJsonAsync<JsonElement>();
        var during = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/people/{tom}");
        var queue = await ig.GetFromJsonAsync<JsonElement>("/api/v1/break-glass?awaitingReview=true");
        var selfReview = await fit.PostAsJsonAsync($"/api/v1/break-glass/{grant.GetProperty("id").GetString()}/review", new { outcome = "Justified", note = "Fine" });
        var review = await ig.PostAsJsonAsync($"/api/v1/break-glass/{grant.GetProperty("id").GetString()}/review", new { outcome = "Justified", note = "Proportionate to the reported risk" });

        before.StatusCode.Should().Be(HttpStatusCode.NotFound);
        tooShort.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        granted.StatusCode.Should().Be(HttpStatusCode.Created);
        grant.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(CaseManagerFactory.StartOfTests.AddHours(24));
        during.GetProperty("access").GetProperty("rule").GetString().Should().Be("BreakGlass");
        queue.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetString()).Should().Contain(grant.GetProperty("id").GetString());
        selfReview.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        review.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MissingEnumFields_Return400InsteadOfDefaulting()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var jayden = await PersonIdAsync("Marsh", "Jayden");

        var breakGlass = await fit.PostAsJsonAsync($"/api/v1/people/{jayden}/break-glass", new { justification = "A long enough justification for the record" });
        var consent = await fit.PostAsJsonAsync($"/api/v1/people/{jayden}/consents", new { recipientAgencies = new[] { "CSC" }, dataCategories = new[] { "Identity" }, recordedOn = "2026-11-01" });
        var agreement = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new { name = "No basis", agencies = new[] { "YOS", "CSC" }, dataCategories = new[] { "Identity" }, purposes = new[] { "Fit" }, consentRequired = true, validFrom = "2026-01-01" });

        breakGlass.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await breakGlass.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("riskCategory", out _).Should().BeTrue();
        consent.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var consentErrors = (await consent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        consentErrors.TryGetProperty("purpose", out _).Should().BeTrue();
        consentErrors.TryGetProperty("status", out _).Should().BeTrue();
        consentErrors.TryGetProperty("givenBy", out _).Should().BeTrue();
        agreement.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await agreement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lawfulBasis", out _).Should().BeTrue();
    }

    [Fact]
    public async Task BreakGlass_OnUnknownPerson_Returns404()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);

        var response = await fit.PostAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}/break-glass", new { justification = "Threat to a child in the household reported tonight", riskCategory = "ChildAtRisk" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Audit_SearchAndVerify_AreForTheIgLeadOnly()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var caseworker = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adam = await PersonIdAsync("Ashby", "Adam");
        await probation.GetAsync($"/api/v1/people/{adam}");

        var search = await ig.GetFromJsonAsync<JsonElement>($"/api/v1/audit?personId={adam}&sharedOnly=true");
        var verify = await ig.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        var refusedSearch = await caseworker.GetAsync("/api/v1/audit");
        var refusedVerify = await caseworker.GetAsync("/api/v1/audit/verify");

        search.GetProperty("items").EnumerateArray().Should().Contain(e =>
            e.GetProperty("actorEmail").GetString() == DemoUsers.ProbationCaseworker && e.GetProperty("rule").GetString() == "SharingAgreement");
        verify.GetProperty("valid").GetBoolean().Should().BeTrue();
        verify.GetProperty("entries").GetInt64().Should().BePositive();
        refusedSearch.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refusedVerify.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SubjectAccessExport_HoldsEverythingAndWhoAccessedIt()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adam = await PersonIdAsync("Ashby", "Adam");
        await probation.GetAsync($"/api/v1/people/{adam}");

        var export = await ig.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/subject-access-export");
        var refused = await probation.GetAsync($"/api/v1/people/{adam}/subject-access-export");

        export.GetProperty("person").GetProperty("familyName").GetString().Should().Be("Ashby");
        export.GetProperty("records").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "cases")
            .GetProperty("records").GetArrayLength().Should().Be(2, "police IOM and the drug service's treatment case");
        export.GetProperty("accessLog").EnumerateArray().Should().Contain(e => e.GetProperty("actorEmail").GetString() == DemoUsers.ProbationCaseworker);
        export.GetProperty("receivedOn").GetString().Should().Be("2026-11-26", "a request with no date received is taken to have arrived today");
        export.GetProperty("respondBy").GetString().Should().Be("2026-12-29", "one calendar month on is Saturday 26 December; Monday 28 December is the Boxing Day bank holiday");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("2026-11-03", "2026-12-03")]
    [InlineData("2026-10-31", "2026-11-30")]
    [InlineData("2026-03-03", "2026-04-07")]
    public async Task SubjectAccessExport_RespondBy_CountsFromTheDayTheRequestWasReceived(string receivedOn, string respondBy)
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var adam = await PersonIdAsync("Ashby", "Adam");

        var export = await ig.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/subject-access-export?receivedOn={receivedOn}");

        export.GetProperty("receivedOn").GetString().Should().Be(receivedOn);
        export.GetProperty("respondBy").GetString().Should().Be(respondBy);
    }

    [Fact]
    public async Task SubjectAccessExport_ExtendedWithinTheFirstMonth_IsDueThreeMonthsOn_AndTheAuditSaysSo()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var adam = await PersonIdAsync("Ashby", "Adam");

        var export = await ig.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/subject-access-export?receivedOn=2026-10-31&extensionToldOn=2026-11-20");

        export.GetProperty("respondBy").GetString().Should().Be("2027-02-01", "31 January 2027 is a Sunday");
        export.GetProperty("extensionToldOn").GetString().Should().Be("2026-11-20");
        var detail = await factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.Action == "subject-access.export").OrderBy(a => a.Sequence).Select(a => a.Detail).LastAsync());
        detail.Should().Contain("respond by 2027-02-01").And.Contain("extended, person told 2026-11-20");
    }

    [Fact]
    public async Task SubjectAccessExport_ExtensionToldAfterTheFirstMonth_Returns400AndIsNotAudited()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var adam = await PersonIdAsync("Ashby", "Adam");
        var before = await factory.AuditCountAsync("subject-access.export");

        var response = await ig.GetAsync($"/api/v1/people/{adam}/subject-access-export?receivedOn=2026-10-01&extensionToldOn=2026-11-03");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("extensionToldOn")[0].GetString().Should().Contain("within the first month").And.Contain("2 November 2026");
        (await factory.AuditCountAsync("subject-access.export")).Should().Be(before);
    }

    [Fact]
    public async Task SubjectAccessExport_ReceivedInTheFuture_Returns400()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var adam = await PersonIdAsync("Ashby", "Adam");

        var response = await ig.GetAsync($"/api/v1/people/{adam}/subject-access-export?receivedOn=2026-11-27");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("receivedOn", out _).Should().BeTrue();
    }
}

/// <summary>The audit chain detects a tampered row through the API.</summary>
public sealed class AuditTamperTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Verify_AfterARowIsAltered_ReportsTheFirstBrokenEntry()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        await police.GetAsync("/api/v1/people?search=ashby");
        var target = await factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.Action == "person.search").Select(a => a.Sequence).FirstAsync());

        await factory.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Detail = 'nothing to see' WHERE Sequence = {0}", target));
        var report = await ig.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        report.GetProperty("valid").GetBoolean().Should().BeFalse();
        report.GetProperty("firstInvalidEntry").GetInt64().Should().Be(target);
    }

    [Fact]
    public async Task Verify_AfterARowIsRemoved_ReportsTheEntryAfterIt()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        await police.GetAsync("/api/v1/people?search=tindall");
        await police.GetAsync("/api/v1/people?search=kirkbride");
        var removed = await factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.Detail!.Contains("tindall")).Select(a => a.Sequence).FirstAsync());

        await factory.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = {0}", removed));
        var report = await ig.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        report.GetProperty("valid").GetBoolean().Should().BeFalse();
        report.GetProperty("firstInvalidEntry").GetInt64().Should().BeLessThanOrEqualTo(removed + 1);
    }
}
