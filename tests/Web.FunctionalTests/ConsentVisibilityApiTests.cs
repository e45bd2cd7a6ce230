using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Who sees which consent decision on a visible person, and the GET routes that Location headers name.</summary>
public sealed class ConsentVisibilityApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private Task<string> PersonIdAsync(string familyName, string givenName) =>
        factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == familyName && p.GivenName == givenName).Select(p => p.Id.Value.ToString()).SingleAsync());

    private static object Consent(string purpose, string recipient, string category) => new
    {
        purpose,
        recipientAgencies = new[] { recipient },
        dataCategories = new[] { category },
        status = "Given",
        givenBy = "Self",
        recordedOn = "2026-11-20",
    };

    [Fact]
    public async Task ConsentList_OnASharedPerson_ShowsOnlyDecisionsNamingTheReader()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adam = await PersonIdAsync("Ashby", "Adam");
        var treatment = await police.PostAsJsonAsync($"/api/v1/people/{adam}/consents", Consent("AdultTreatment", "DAAT", "HealthSubstanceMisuse"));
        var iom = await police.PostAsJsonAsync($"/api/v1/people/{adam}/consents", Consent("Iom", "PROBATION", "Offending"));

        var ownerList = await police.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/consents");
        var probationList = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/people/{adam}/consents");
        var hiddenOne = await probation.GetAsync(treatment.Headers.Location);
        var namedOne = await probation.GetAsync(iom.Headers.Location);
        var hiddenWithdraw = await probation.PostAsJsonAsync($"{treatment.Headers.Location}/withdraw", new { reason = "Asked to stop" });

        ownerList.EnumerateArray().Select(c => c.GetProperty("purpose").GetString()).Should().BeEquivalentTo(["AdultTreatment", "Iom"]);
        probationList.EnumerateArray().Select(c => c.GetProperty("purpose").GetString()).Should().Equal("Iom");
        hiddenOne.StatusCode.Should().Be(HttpStatusCode.NotFound);
        namedOne.StatusCode.Should().Be(HttpStatusCode.OK);
        hiddenWithdraw.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConsentList_ForABreakGlassHolder_ShowsEveryDecision()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var tom = await PersonIdAsync("Tindall", "Tom");
        await police.PostAsJsonAsync($"/api/v1/people/{tom}/consents", Consent("AdultTreatment", "DAAT", "HealthSubstanceMisuse"));

        await fit.PostAsJsonAsync($"/api/v1/people/{tom}/break-glass", new { justification = "Threat to a child in the household reported tonight", riskCategory = "ChildAtRisk" });
        var list = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/people/{tom}/consents");

        list.EnumerateArray().Select(c => c.GetProperty("purpose").GetString()).Should().Contain("AdultTreatment");
    }

    [Fact]
    public async Task ConsentLocation_AnswersTheCreatedConsent_AndNotFoundToOthers()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var chloe = await PersonIdAsync("Marsh", "Chloe");

        var created = await fit.PostAsJsonAsync($"/api/v1/people/{chloe}/consents", Consent("TroubledFamilies", "CSC", "ChildrenSafeguarding"));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var read = await fit.GetAsync(created.Headers.Location);
        var unknown = await fit.GetAsync($"/api/v1/people/{chloe}/consents/{Guid.NewGuid()}");
        var otherAgency = await police.GetAsync(created.Headers.Location);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var consent = await read.Content.ReadFromJsonAsync<JsonElement>();
        consent.GetProperty("id").GetString().Should().Be(body.GetProperty("id").GetString());
        consent.GetProperty("purpose").GetString().Should().Be("TroubledFamilies");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherAgency.StatusCode.Should().Be(HttpStatusCode.NotFound, "the police may not see Chloe");
    }

    [Fact]
    public async Task AgreementLocation_AnswersTheCreatedAgreementToEveryReader()
    {
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var caseworker = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var administrator = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var created = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
        {
            name = "Housing and children's services",
            agencies = new[] { "HOUSING", "CSC" },
            dataCategories = new[] { "Identity" },
            purposes = new[] { "HighImpactHousehold" },
            lawfulBasis = "PublicTask",
            consentRequired = false,
            validFrom = "2026-11-01",
        });
        var read = await caseworker.GetAsync(created.Headers.Location);
        var unknown = await caseworker.GetAsync($"/api/v1/sharing-agreements/{Guid.NewGuid()}");
        var refused = await administrator.GetAsync(created.Headers.Location);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var agreement = await read.Content.ReadFromJsonAsync<JsonElement>();
        agreement.GetProperty("name").GetString().Should().Be("Housing and children's services");
        agreement.GetProperty("inForce").GetBoolean().Should().BeTrue();
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "administrators read no case data, as for the list");
    }

    [Fact]
    public async Task BreakGlassLocation_AnswersTheGranteeAndTheIgLeadOnly()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var daat = await factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var kerry = await PersonIdAsync("Kirkbride", "Kerry");

        var granted = await fit.PostAsJsonAsync($"/api/v1/people/{kerry}/break-glass", new { justification = "Threat to a child in the household reported tonight", riskCategory = "ChildAtRisk" });
        var byGrantee = await fit.GetAsync(granted.Headers.Location);
        var byIg = await ig.GetAsync(granted.Headers.Location);
        var byOther = await daat.GetAsync(granted.Headers.Location);

        granted.StatusCode.Should().Be(HttpStatusCode.Created);
        byGrantee.StatusCode.Should().Be(HttpStatusCode.OK);
        (await byGrantee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personInformed").ValueKind.Should().Be(JsonValueKind.Null);
        byIg.StatusCode.Should().Be(HttpStatusCode.OK);
        byOther.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
