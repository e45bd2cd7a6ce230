using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CaseManager.Application;
using CaseManager.TestSupport;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Defects in the HTTP contract: nulls reaching validators, paging overflow, query binding, Location headers.</summary>
public sealed class ApiContractBugTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Theory]
    [InlineData("""{"name":"No agencies","dataCategories":["Identity"],"purposes":["Iom"],"lawfulBasis":"PublicTask","validFrom":"2026-01-01"}""")]
    [InlineData("""{"name":"Null agencies","agencies":null,"dataCategories":null,"purposes":null,"lawfulBasis":"PublicTask","validFrom":"2026-01-01"}""")]
    public async Task CreateSharingAgreement_WithAgenciesMissingOrNull_Returns400NamingTheField(string json)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var response = await client.PostAsync("/api/v1/sharing-agreements", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencies", out _).Should().BeTrue();
    }

    /// <summary>Every command's validator copes with every field null (a body with fields missing): a 400, never a crash.</summary>
    [Fact]
    public void EveryCommandValidator_WithEveryFieldNull_DoesNotThrow()
    {
        using var scope = factory.Services.CreateScope();
        var messages = typeof(IApplicationMarker).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t)))
            .ToList();
        var crashed = new List<string>();
        var validated = 0;
        foreach (var message in messages)
        {
            var instance = RuntimeHelpers.GetUninitializedObject(message);
            foreach (var validator in scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(message)).Cast<IValidator>())
            {
                validated++;
                var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(message), instance)!;
                try
                {
                    validator.Validate(context);
                }
                catch (Exception e) when (e is not ValidationException)
                {
                    crashed.Add($"{message.Name}: {e.GetType().Name} {e.Message}");
                }
            }
        }

        validated.Should().BeGreaterThan(30);
        crashed.Should().BeEmpty("a missing field is a 400 with an errors map, never a 500");
    }

    [Theory]
    [InlineData("/api/v1/people", DemoUsers.PoliceCaseworker)]
    [InlineData("/api/v1/cases", DemoUsers.PoliceCaseworker)]
    [InlineData("/api/v1/audit", DemoUsers.InformationGovernance)]
    public async Task PagedList_AtAPageFarBeyondTheEnd_ReturnsNoItems(string path, string user)
    {
        var client = await factory.ApiClientForAsync(user);
        await OpenIomCaseAsync(await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker));
        var first = await (await client.GetAsync($"{path}?pageSize=200")).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("items").GetArrayLength().Should().BeGreaterThan(0, "the overflow showed page 1's records");

        var response = await client.GetAsync($"{path}?page=2147483647&pageSize=200");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("items").GetArrayLength().Should().Be(0);
        body.GetProperty("page").GetInt32().Should().Be(int.MaxValue);
    }

    /// <summary>The lists merged or worked out in memory page the same way: the timeline and the Troubled Families list.</summary>
    [Theory]
    [InlineData("timeline")]
    [InlineData("troubled-families")]
    public async Task MergedList_AtAPageFarBeyondTheEnd_ReturnsNoItems(string list)
    {
        var (client, path) = list == "timeline" ? await TimelineAsync() : await TroubledFamiliesAsync();
        var first = await (await client.GetAsync($"{path}?pageSize=200")).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("items").GetArrayLength().Should().BeGreaterThan(0, "the overflow showed page 1's records");

        var response = await client.GetAsync($"{path}?page=2147483647&pageSize=200");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("items").GetArrayLength().Should().Be(0);
        body.GetProperty("page").GetInt32().Should().Be(int.MaxValue);
        body.GetProperty("total").GetInt32().Should().Be(first.GetProperty("total").GetInt32());
    }

    private async Task<(HttpClient Client, string Path)> TimelineAsync()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var caseId = await OpenIomCaseAsync(police);
        var personId = (await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("personId").GetGuid();
        (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions",
            new { type = "HomeVisit", occurredAt = "2026-10-02T10:00:00Z", durationMinutes = 30, outcome = "Seen at home" })).StatusCode.Should().Be(HttpStatusCode.Created);
        return (police, $"/api/v1/people/{personId}/timeline");
    }

    private async Task<(HttpClient Client, string Path)> TroubledFamiliesAsync()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var household = await fit.PostAsJsonAsync("/api/v1/households", new { name = "Paging family", address = "2 Overflow Road" });
        household.StatusCode.Should().Be(HttpStatusCode.Created, await household.Content.ReadAsStringAsync());
        var householdId = (await household.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "TroubledFamilies", householdId, startDate = "2026-11-01" })).StatusCode.Should().Be(HttpStatusCode.Created);
        return (fit, "/api/v1/troubled-families");
    }

    [Theory]
    [InlineData("iom")]
    [InlineData("IOM")]
    [InlineData("Iom")]
    public async Task ListCases_WithASchemeInAnyCase_IsAccepted(string scheme)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.GetAsync($"/api/v1/cases?scheme={scheme}&status=active&sort=startdate&order=asc");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/cases?scheme=nonsense", "scheme")]
    [InlineData("/api/v1/cases?page=abc", "page")]
    [InlineData("/api/v1/cases?personId=not-a-guid", "personId")]
    [InlineData("/api/v1/cases?allocatedToMe=perhaps", "allocatedToMe")]
    [InlineData("/api/v1/cases?order=sideways", "order")]
    [InlineData("/api/v1/audit?from=yesterday", "from")]
    public async Task AQueryValueThatDoesNotParse_Returns400NamingTheParameter(string url, string parameter)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty(parameter, out _).Should().BeTrue($"the errors map should name {parameter}: {errors}");
    }

    [Fact]
    public async Task LogIntervention_Location_PointsAtTheNewIntervention()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var caseId = await OpenIomCaseAsync(client);

        var created = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions",
            new { type = "HomeVisit", occurredAt = "2026-10-02T10:00:00Z", durationMinutes = 30, outcome = "Seen at home" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        created.Headers.Location!.ToString().Should().Be($"/api/v1/cases/{caseId}/interventions/{id}");
        var read = await client.GetAsync(created.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().Should().Be(id);
        (await client.GetAsync($"/api/v1/cases/{caseId}/interventions/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RecordOffence_Location_PointsAtTheNewOffence()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var personId = await RegisterAsync(client);

        var created = await client.PostAsJsonAsync($"/api/v1/people/{personId}/offences",
            new { offenceType = "BurglaryDwelling", committedOn = "2025-03-01" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        created.Headers.Location!.ToString().Should().Be($"/api/v1/people/{personId}/offences/{id}");
        var read = await client.GetAsync(created.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().Should().Be(id);
        var stranger = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);
        (await stranger.GetAsync(created.Headers.Location)).StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    /// <summary>A yes/no the server needs is required, not quietly taken as "no" when left out.</summary>
    [Theory]
    [InlineData("/api/v1/sharing-agreements", """{"name":"No consent answer","agencies":["POLICE","PROBATION"],"dataCategories":["Identity"],"purposes":["Iom"],"lawfulBasis":"PublicTask","validFrom":"2026-01-01"}""", "consentRequired")]
    [InlineData("/api/v1/break-glass/0193a1b2-0000-7000-8000-000000000001/person-informed", """{"note":"No answer given"}""", "informed")]
    public async Task ABooleanTheServerNeeds_WhenLeftOut_Returns400NamingIt(string path, string json, string field)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var response = await client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("""["POLICE","police"]""")]
    [InlineData("""["POLICE"]""")]
    public async Task CreateSharingAgreement_WithFewerThanTwoDifferentAgencies_Returns400(string agencies)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);
        var json = $$"""{"name":"One agency","agencies":{{agencies}},"dataCategories":["Identity"],"purposes":["Iom"],"lawfulBasis":"PublicTask","consentRequired":false,"validFrom":"2026-01-01"}""";

        var response = await client.PostAsync("/api/v1/sharing-agreements", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("agencies")[0].GetString().Should().Be("Select at least two agencies");
    }

    [Fact]
    public async Task RecordOffence_WithATypeThatIsNotACode_Returns400NamingIt()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var personId = await RegisterAsync(client);

        var response = await client.PostAsJsonAsync($"/api/v1/people/{personId}/offences", new { offenceType = "Theft of cycle", committedOn = "2025-03-01" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("offenceType", out _).Should().BeTrue();
    }

    [Fact]
    public async Task AddHouseholdMember_Location_PointsAtTheNewMembership()
    {
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var personId = await RegisterAsync(fit);
        var household = await fit.PostAsJsonAsync("/api/v1/households", new { name = "Location family" });
        var householdId = (await household.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var created = await fit.PostAsJsonAsync($"/api/v1/households/{householdId}/members", new { personId, relationship = "ParentCarer", from = "2026-01-01" });

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var memberId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberId").GetGuid();
        created.Headers.Location!.ToString().Should().Be($"/api/v1/households/{householdId}/members/{memberId}");
        var read = await fit.GetAsync(created.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var member = await read.Content.ReadFromJsonAsync<JsonElement>();
        member.GetProperty("memberId").GetGuid().Should().Be(memberId);
        member.GetProperty("personId").GetGuid().Should().Be(personId);
        member.GetProperty("relationship").GetString().Should().Be("ParentCarer");
        (await fit.GetAsync($"/api/v1/households/{householdId}/members/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        (await police.GetAsync(created.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the police may see neither the household nor the person");
    }

    [Fact]
    public async Task RecordReferenceFigure_Location_PointsAtTheNewFigure()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var caseworker = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var created = await admin.PostAsJsonAsync("/api/v1/admin/reference-figures",
            new { code = "LocationCheck", priority = "Asb", label = "A figure to follow", value = 12, unit = "Count", on = "2026-02-28", source = "A test" });

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().Should().Be($"/api/v1/reference-figures/{id}");
        var read = await caseworker.GetAsync(created.Headers.Location);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("LocationCheck");
        (await caseworker.GetAsync($"/api/v1/reference-figures/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> RegisterAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people",
            new { givenName = "Contract", familyName = $"Person{Guid.NewGuid():N}"[..20], dateOfBirth = "1990-01-01" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> OpenIomCaseAsync(HttpClient client)
    {
        var personId = await RegisterAsync(client);
        var response = await client.PostAsJsonAsync("/api/v1/cases",
            new { scheme = "Iom", personId, startDate = "2026-10-01", cohort = "Fixed", tier = "Red", selectionReason = "Panel selection" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
