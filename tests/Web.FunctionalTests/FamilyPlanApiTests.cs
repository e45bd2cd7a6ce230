using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The assessment and plan routes of API.md "Households and families" (DOMAIN.md FAM1): shapes, codes and refusals.
/// FIT and DAAT share identity and safeguarding data for FIT families, so DAAT reads the family case but does not keep it.
/// </summary>
public sealed class FamilyPlanApiTests : IClassFixture<CaseManagerFactory>, IAsyncLifetime
{
    private static readonly DateOnly TodayDate = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private static readonly string Today = Day(TodayDate);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _agreed;
    private readonly CaseManagerFactory _factory;

    public FamilyPlanApiTests(CaseManagerFactory factory) => _factory = factory;

    public async Task InitializeAsync()
    {
        // The fixture (one app and database) is shared by this class's tests: the agreement is made once.
        await Once.WaitAsync();
        try
        {
            if (_agreed)
            {
                return;
            }

            var ig = await _factory.ApiClientForAsync(DemoUsers.InformationGovernance);
            var created = await ig.PostAsJsonAsync("/api/v1/sharing-agreements", new
            {
                name = "FIT families: FIT and DAAT",
                agencies = new[] { "FIT", "DAAT" },
                dataCategories = new[] { "Identity", "ChildrenSafeguarding" },
                purposes = new[] { "Fit" },
                lawfulBasis = "PublicTask",
                gateway = "Children Act 2004 s10",
                consentRequired = false,
                validFrom = Day(TodayDate.AddYears(-1)),
            });
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            _agreed = true;
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Assessment_IsCreated201_AndListedWithItsNeeds()
    {
        var fit = await _factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var (caseId, mother, _) = await FamilyCaseAsync(fit, "Assessed");

        var created = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new
        {
            completedOn = Today,
            summary = "Arrears and school",
            strengths = "Grandparents nearby",
            needs = new object[] { new { area = "Finance" }, new { area = "MentalHealth", personId = mother, detail = "Low mood" } },
        });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/v1/cases/{caseId}/assessments");
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("ownerAgency").GetString().Should().Be("FIT");
        body.GetProperty("needs").GetArrayLength().Should().Be(2);
        var listed = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        listed.GetArrayLength().Should().Be(1);
        listed[0].GetProperty("summary").GetString().Should().Be("Arrears and school");
        listed[0].GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("area").GetString()).Should().BeEquivalentTo("Finance", "MentalHealth");
    }

    [Fact]
    public async Task Assessment_WithAnUnknownNeedArea_Is400AndRecordsNothing()
    {
        var fit = await _factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var (caseId, _, _) = await FamilyCaseAsync(fit, "UnknownArea");

        var response = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new
        {
            completedOn = Today,
            summary = "Summary",
            needs = new object[] { new { area = "Crime" }, new { area = "Gambling" } },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await fit.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task PlanAction_IsCreated201_AndTheOwningPartnerCompletesIt()
    {
        var fit = await _factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var daat = await _factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var (caseId, mother, _) = await FamilyCaseAsync(fit, "Completed");

        var added = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions",
            new { description = "Alcohol assessment", need = "SubstanceMisuse", forPersonId = mother, ownerAgency = "DAAT", dueOn = Day(TodayDate.AddDays(7)) });
        var ours = await (await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "Home visit", ownerAgency = "FIT", dueOn = Today }))
            .Content.ReadFromJsonAsync<JsonElement>();

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        added.Headers.Location!.ToString().Should().Be($"/api/v1/cases/{caseId}/plan");
        var action = await added.Content.ReadFromJsonAsync<JsonElement>();
        action.GetProperty("status").GetString().Should().Be("Open");
        action.GetProperty("ownerAgency").GetString().Should().Be("DAAT");
        var plan = await daat.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan");
        plan.GetProperty("actions").GetArrayLength().Should().Be(2);
        plan.GetProperty("canAddActions").GetBoolean().Should().BeFalse();

        var notTheirs = await daat.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{ours.GetProperty("id").GetString()}/complete", new { completedOn = Today });
        var done = await daat.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{action.GetProperty("id").GetString()}/complete",
            new { completedOn = Today, note = "Seen", version = action.GetProperty("version").GetInt32() });
        var again = await daat.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{action.GetProperty("id").GetString()}/complete", new { completedOn = Today });

        notTheirs.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Done");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("plan.action-done");
    }

    [Fact]
    public async Task PlanAction_DueBeforeTheCaseStarted_Is400_AndAStaleVersionIs409_AndNothingChanges()
    {
        var fit = await _factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var (caseId, _, _) = await FamilyCaseAsync(fit, "Refused");

        var early = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "Early", ownerAgency = "FIT", dueOn = Day(TodayDate.AddMonths(-2)) });
        var action = await (await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "Fine", ownerAgency = "FIT", dueOn = Today }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var stale = await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{action.GetProperty("id").GetString()}/complete",
            new { completedOn = Today, version = action.GetProperty("version").GetInt32() + 1 });

        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dueOn", out _).Should().BeTrue();
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("concurrency.stale");
        var plan = await fit.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan");
        plan.GetProperty("actions").GetArrayLength().Should().Be(1);
        plan.GetProperty("actions")[0].GetProperty("status").GetString().Should().Be("Open");
    }

    [Fact]
    public async Task ARouteForAFamilyItMayNotRead_Is404_ForAPartnerThatReadsItButDoesNotKeepIt403_AndWithoutAToken401()
    {
        var fit = await _factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var police = await _factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var daat = await _factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var anonymous = _factory.CreateClient();
        var (caseId, _, _) = await FamilyCaseAsync(fit, "Refusals");

        (await police.GetAsync($"/api/v1/cases/{caseId}/plan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await police.GetAsync($"/api/v1/cases/{caseId}/assessments")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "X", ownerAgency = "POLICE", dueOn = Today }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await daat.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "X", ownerAgency = "DAAT", dueOn = Today }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await daat.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { completedOn = Today, summary = "X", needs = Array.Empty<object>() }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync($"/api/v1/cases/{caseId}/plan")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await fit.GetAsync($"/api/v1/cases/{Guid.NewGuid()}/plan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fit.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan")).GetProperty("actions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task MeSummary_CountsThePlanActionsDueOfTheCallersAgency()
    {
        var fit = await _factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var daat = await _factory.ApiClientForAsync(DemoUsers.DaatWorker);
        var (caseId, _, _) = await FamilyCaseAsync(fit, "Summary");
        var before = (await daat.GetFromJsonAsync<JsonElement>("/api/v1/me/summary")).GetProperty("planActionsDue").GetInt32();

        await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "Due soon", ownerAgency = "DAAT", dueOn = Day(TodayDate.AddDays(2)) });
        await fit.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { description = "Far off", ownerAgency = "DAAT", dueOn = Day(TodayDate.AddDays(200)) });

        (await daat.GetFromJsonAsync<JsonElement>("/api/v1/me/summary")).GetProperty("planActionsDue").GetInt32().Should().Be(before + 1);
    }

    private static async Task<(string CaseId, string Mother, string Son)> FamilyCaseAsync(HttpClient fit, string name)
    {
        var household = (await (await fit.PostAsJsonAsync("/api/v1/households", new { name })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var mother = await PersonAsync(fit, name, "Mother", "1984-05-09");
        var son = await PersonAsync(fit, name, "Son", Day(TodayDate.AddYears(-12)));
        (await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = mother, relationship = "ParentCarer", from = Day(TodayDate.AddMonths(-6)) }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await fit.PostAsJsonAsync($"/api/v1/households/{household}/members", new { personId = son, relationship = "Child", from = Day(TodayDate.AddMonths(-6)) }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var opened = await fit.PostAsJsonAsync("/api/v1/cases", new { scheme = "Fit", householdId = household, startDate = Day(TodayDate.AddMonths(-1)) });
        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        return ((await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, mother, son);
    }

    private static async Task<string> PersonAsync(HttpClient client, string familyName, string givenName, string born) =>
        (await (await client.PostAsJsonAsync("/api/v1/people", new { givenName, familyName, dateOfBirth = born })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
