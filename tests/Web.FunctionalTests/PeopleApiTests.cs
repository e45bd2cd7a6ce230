using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed class PeopleApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static object NewPerson(string familyName = "Pemberton") => new
    {
        givenName = "Lee",
        familyName,
        dateOfBirth = "1991-02-03",
        gender = "Male",
        identifiers = new { pnc = "12/345678A", nhsNumber = "943 476 5919" },
        address = "1 High Row, Darlington",
    };

    [Fact]
    public async Task Create_WithValidBody_Returns201WithLocationOwnerAndCategory()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsJsonAsync("/api/v1/people", NewPerson());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var person = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/people/{person.GetProperty("id").GetString()}");
        person.GetProperty("ownerAgency").GetString().Should().Be("POLICE");
        person.GetProperty("dataCategory").GetString().Should().Be("Identity");
        person.GetProperty("identifiers").GetProperty("nhsNumber").GetString().Should().Be("9434765919");
    }

    [Fact]
    public async Task Get_ByOwningAgency_ReturnsPersonAndAuditsTheRead()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await CreateAsync(client, "Readwell");

        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");

        person.GetProperty("familyName").GetString().Should().Be("Readwell");
        var reads = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "person.read" && a.EntityId == id).ToListAsync());
        reads.Should().ContainSingle().Which.Outcome.Should().Be(AuditOutcome.Allowed);
    }

    [Fact]
    public async Task Get_ByAnotherAgency_Returns404AndAuditsTheRefusal()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var id = await CreateAsync(police, "Hidden");

        var response = await fit.GetAsync($"/api/v1/people/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var refusals = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "person.read" && a.EntityId == id && a.Outcome == AuditOutcome.Refused).CountAsync());
        refusals.Should().Be(1);
    }

    [Fact]
    public async Task Get_ByAdministrator_Returns403()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var id = await CreateAsync(police, "Private");

        var read = await admin.GetAsync($"/api/v1/people/{id}");
        var search = await admin.GetAsync("/api/v1/people?search=Private");

        read.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        search.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var refusals = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "http.forbidden" && a.ActorEmail == DemoUsers.Administrator).Select(a => a.Detail).ToListAsync());
        refusals.Should().Contain($"GET /api/v1/people/{id}");
    }

    [Fact]
    public async Task Search_ReturnsOnlyTheCallersAgencyPeople()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        await CreateAsync(police, "Samename");
        await CreateAsync(fit, "Samename");

        var page = await fit.GetFromJsonAsync<JsonElement>("/api/v1/people?search=samename");

        page.GetProperty("total").GetInt32().Should().Be(1);
        page.GetProperty("items").EnumerateArray().Single().GetProperty("ownerAgency").GetString().Should().Be("FIT");
    }

    [Fact]
    public async Task Search_ByIdentifierAndDateOfBirth_FindsThePerson()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await CreateAsync(police, "Identified");

        var byPnc = await police.GetFromJsonAsync<JsonElement>("/api/v1/people?search=12/345678a");
        var byDate = await police.GetFromJsonAsync<JsonElement>("/api/v1/people?search=03/02/1991&pageSize=200");

        byPnc.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Contain(id);
        byDate.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Contain(id);
    }

    [Fact]
    public async Task Search_WithPageSizeOver200_Returns400()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await police.GetAsync("/api/v1/people?pageSize=500");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pageSize", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Create_WithMissingAndBadFields_Returns400WithFieldErrorsAndStoresNothing()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var before = await factory.QueryDbAsync(db => db.People.CountAsync());

        var response = await client.PostAsJsonAsync("/api/v1/people", new
        {
            givenName = "",
            familyName = "Futureborn",
            dateOfBirth = "2099-01-01",
            identifiers = new { nhsNumber = "1234567890" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("givenName", out _).Should().BeTrue();
        errors.TryGetProperty("dateOfBirth", out _).Should().BeTrue();
        errors.TryGetProperty("identifiers.nhsNumber", out _).Should().BeTrue();
        (await factory.QueryDbAsync(db => db.People.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Create_WithMalformedJson_Returns400NotServerError()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsync("/api/v1/people", new StringContent("{\"givenName\": ", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Create_WithWrongValueType_Returns400()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsync("/api/v1/people",
            new StringContent("{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"not a date\"}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithWrongContentType_Returns415()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsync("/api/v1/people", new StringContent("givenName=A", Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_ByClaimsOfficer_Returns403()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.ClaimsOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/people", NewPerson());

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Returns404()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var unknown = await client.GetAsync($"/api/v1/people/{Guid.NewGuid()}");
        var malformed = await client.GetAsync("/api/v1/people/not-an-id");

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Correct_WithCurrentVersion_SavesAndIncrementsVersion()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await CreateAsync(client, "Spelt");

        var response = await client.PutAsJsonAsync($"/api/v1/people/{id}", new { version = 0, givenName = "Lee", familyName = "Spelled", dateOfBirth = "1991-02-03" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var person = await response.Content.ReadFromJsonAsync<JsonElement>();
        person.GetProperty("familyName").GetString().Should().Be("Spelled");
        person.GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Correct_WithoutVersion_Returns400OnVersionAndChangesNothing()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await CreateAsync(client, "Unversioned");

        var response = await client.PutAsJsonAsync($"/api/v1/people/{id}", new { givenName = "Lee", familyName = "Overwritten", dateOfBirth = "1991-02-03" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _).Should().BeTrue();
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}")).GetProperty("familyName").GetString().Should().Be("Unversioned");
    }

    [Fact]
    public async Task Correct_WithStaleVersion_Returns409AndKeepsTheFirstEdit()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var id = await CreateAsync(client, "Twice");
        await client.PutAsJsonAsync($"/api/v1/people/{id}", new { version = 0, givenName = "Lee", familyName = "FirstEdit", dateOfBirth = "1991-02-03" });

        var response = await client.PutAsJsonAsync($"/api/v1/people/{id}", new { version = 0, givenName = "Lee", familyName = "SecondEdit", dateOfBirth = "1991-02-03" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("concurrency.stale");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}")).GetProperty("familyName").GetString().Should().Be("FirstEdit");
    }

    [Fact]
    public async Task Correct_ByAnotherAgency_Returns404()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var id = await CreateAsync(police, "NotYours");

        var response = await fit.PutAsJsonAsync($"/api/v1/people/{id}", new { version = 0, givenName = "X", familyName = "Y", dateOfBirth = "1991-02-03" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<string> CreateAsync(HttpClient client, string familyName)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", NewPerson(familyName));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
