using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary><c>GET /api/v1/me/summary</c>: the home page's numbers, each the total of the list it stands for.</summary>
public sealed class MeSummaryApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Summary_ForACaseworker_CountsTheirCaseloadReviewsAndNotifications_AsTheListsDo()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var summary = await police.GetFromJsonAsync<JsonElement>("/api/v1/me/summary");

        var active = await TotalAsync(police, "/api/v1/cases?status=Active");
        var nominated = await TotalAsync(police, "/api/v1/cases?status=ExitNominated");
        summary.GetProperty("caseload").GetInt32().Should().Be(active + nominated).And.BePositive();
        summary.GetProperty("reviewsDue").GetInt32().Should().Be(await TotalAsync(police, "/api/v1/reviews?allocatedToMe=true&state=Due"));
        summary.GetProperty("reviewsOverdue").GetInt32().Should().Be(await TotalAsync(police, "/api/v1/reviews?allocatedToMe=true&state=Overdue"));
        summary.GetProperty("unreadNotifications").GetInt32().Should().Be(await TotalAsync(police, "/api/v1/notifications?unread=true"));
        summary.GetProperty("exitNominationsWaiting").GetInt32().Should().Be(0, "a caseworker decides no exits");
        summary.GetProperty("planActionsDue").GetInt32().Should().Be(0, "no plan action of the demo is the police's");
        summary.GetProperty("readsCaseData").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Summary_ForAManager_CountsNominationsOnTheirAgencysCases_ButNotTheirOwn()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var before = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/me/summary")).GetProperty("exitNominationsWaiting").GetInt32();

        await NominatedCaseAsync(police, "Byworth");
        await NominatedCaseAsync(police, "Cawthorne");
        await NominatedCaseAsync(manager, "Dunstable");
        var after = await manager.GetFromJsonAsync<JsonElement>("/api/v1/me/summary");
        var probation = await (await factory.ApiClientForAsync(DemoUsers.ProbationManager)).GetFromJsonAsync<JsonElement>("/api/v1/me/summary");

        after.GetProperty("exitNominationsWaiting").GetInt32().Should().Be(before + 2, "the manager's own nomination waits for another manager");
        var queue = await TotalAsync(manager, "/api/v1/cases?status=ExitNominated&ownerAgency=POLICE");
        after.GetProperty("exitNominationsWaiting").GetInt32().Should().Be(queue - 1);
        probation.GetProperty("exitNominationsWaiting").GetInt32().Should().Be(0, "another agency's nominations are not theirs to decide");
    }

    [Fact]
    public async Task Summary_ForAnAdministrator_HoldsNoCaseData_AndSignedOutIsRefused()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        var summary = await admin.GetFromJsonAsync<JsonElement>("/api/v1/me/summary");
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/me/summary");

        summary.GetProperty("readsCaseData").GetBoolean().Should().BeFalse();
        summary.GetProperty("caseload").GetInt32().Should().Be(0);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<int> TotalAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("total").GetInt32();

    private static async Task NominatedCaseAsync(HttpClient client, string familyName)
    {
        var created = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Jo", familyName, dateOfBirth = "1985-05-05" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new { personId = person, scheme = "Iom", startDate = "2026-05-01", cohort = "Fixed", selectionReason = "Panel" });
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var nominated = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "SustainedProgress", note = "Six months without offending" });
        nominated.StatusCode.Should().Be(HttpStatusCode.OK, await nominated.Content.ReadAsStringAsync());
    }
}
