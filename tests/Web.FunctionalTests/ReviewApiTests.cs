using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Reviews and notifications over HTTP (API.md "Reviews, notifications, jobs"), with their refusals.</summary>
public sealed class ReviewApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task ListReviews_AllocatedToMeByState_ShowsTheCallersDueReview()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var (_, reviewId) = await OpenIomAsync(police, "Duelist", "2026-11-01");

        var due = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?allocatedToMe=true&state=Due&pageSize=200");
        var overdue = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?allocatedToMe=true&state=overdue&pageSize=200");

        var item = Items(due).Single(i => i.GetProperty("id").GetString() == reviewId);
        item.GetProperty("dueOn").GetString().Should().Be("2026-11-29");
        item.GetProperty("state").GetString().Should().Be("Due");
        item.GetProperty("kind").GetString().Should().Be("Scheme");
        item.GetProperty("ownerAgency").GetString().Should().Be("POLICE");
        Items(overdue).Should().NotContain(i => i.GetProperty("id").GetString() == reviewId);
    }

    [Fact]
    public async Task ListReviews_ManagerFilteringAgencyOverdue_SeesOnlyOverdueReviewsOfTheirAgency()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var (_, reviewId) = await OpenIomAsync(police, "Laggard", "2026-10-01");

        var overdue = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reviews?state=Overdue&ownerAgency=POLICE&pageSize=200");

        Items(overdue).Should().Contain(i => i.GetProperty("id").GetString() == reviewId);
        Items(overdue).Should().OnlyContain(i => i.GetProperty("state").GetString() == "Overdue" && i.GetProperty("ownerAgency").GetString() == "POLICE");
    }

    [Fact]
    public async Task ListReviews_ByAgencyWithoutAccess_ShowsNoneOfThem()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var (_, reviewId) = await OpenIomAsync(police, "Unseen", "2026-10-01");

        var seen = await fit.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");

        Items(seen).Should().NotContain(i => i.GetProperty("id").GetString() == reviewId);
    }

    [Fact]
    public async Task CompleteReview_ByOwningAgency_SchedulesTheNextOneIntervalLater()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var (caseId, reviewId) = await OpenIomAsync(police, "Reviewed", "2026-11-01");

        var response = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Panel kept the tier at red" });
        var again = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Twice" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var completed = await response.Content.ReadFromJsonAsync<JsonElement>();
        completed.GetProperty("nextReviewDue").GetString().Should().Be("2026-12-23");
        var openCase = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        openCase.GetProperty("nextReviewDue").GetString().Should().Be("2026-12-23");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("review.closed");
    }

    [Fact]
    public async Task CompleteReview_ByOtherAgencies_Returns403WhenSharedAnd404WhenNot()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var (_, reviewId) = await OpenIomAsync(police, "Guarded", "2026-11-01");
        var body = new { completedOn = "2026-11-25", summary = "Not ours" };

        var shared = await probation.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", body);
        var unseen = await fit.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", body);
        var unknown = await police.PostAsJsonAsync($"/api/v1/reviews/{Guid.NewGuid()}/complete", body);
        var invalid = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25" });

        shared.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unseen.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CompleteReview_OnExitedCase_Returns409AndExitCancelsTheReviews()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var (caseId, reviewId) = await OpenIomAsync(police, "Departed", "2026-11-01");
        (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "MovedOutOfArea", note = "Moved to Leeds" })).EnsureSuccessStatusCode();
        var decision = await manager.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");
        (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination/approve", new { })).EnsureSuccessStatusCode();

        var response = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Too late" });

        Items(decision).Should().Contain(i => i.GetProperty("caseId").GetString() == caseId && i.GetProperty("kind").GetString() == "ExitDecision"
            && i.GetProperty("dueOn").GetString() == "2026-12-10");
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("case.already-exited");
        var open = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");
        Items(open).Should().NotContain(i => i.GetProperty("caseId").GetString() == caseId);
    }

    [Fact]
    public async Task Notifications_AfterTheJob_ListTheCallersOwnAndOnlyTheyMarkThemRead()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var (caseId, reviewId) = await OpenIomAsync(police, "Reminded", "2026-11-01");
        await factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

        var unread = await police.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true&pageSize=200");
        var mine = Items(unread).Single(i => i.GetProperty("reviewId").GetString() == reviewId);
        var othersAttempt = await probation.PostAsync($"/api/v1/notifications/{mine.GetProperty("id").GetString()}/read", null);
        var read = await police.PostAsync($"/api/v1/notifications/{mine.GetProperty("id").GetString()}/read", null);
        var unreadAfter = await police.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true&pageSize=200");
        var all = await police.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=200");

        mine.GetProperty("kind").GetString().Should().Be("ReviewDue");
        mine.GetProperty("caseId").GetString().Should().Be(caseId);
        mine.TryGetProperty("createdAt", out _).Should().BeTrue();
        othersAttempt.StatusCode.Should().Be(HttpStatusCode.NotFound);
        read.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Items(unreadAfter).Should().NotContain(i => i.GetProperty("reviewId").GetString() == reviewId);
        Items(all).Should().Contain(i => i.GetProperty("reviewId").GetString() == reviewId && i.GetProperty("readAt").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Routes_WithoutToken_Return401AndAdministratorSeesNoReviews()
    {
        var anonymous = factory.CreateClient();
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);

        (await anonymous.GetAsync("/api/v1/reviews")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/notifications")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/reviews")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"/api/v1/reviews/{Guid.NewGuid()}/complete", new { completedOn = "2026-11-25", summary = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TriggerReviewReminders_ByAdministratorIsAccepted_ByCaseworkerForbidden()
    {
        var admin = await factory.ApiClientForAsync(DemoUsers.Administrator);
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");
        var trigger = await admin.PostAsync("/api/v1/admin/jobs/review-reminders/trigger", null);
        var refused = await police.PostAsync("/api/v1/admin/jobs/review-reminders/trigger", null);

        jobs.EnumerateArray().Select(j => j.GetProperty("id").GetString()).Should().Contain("review-reminders");
        trigger.StatusCode.Should().Be(HttpStatusCode.Accepted);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private async Task<(string CaseId, string ReviewId)> OpenIomAsync(HttpClient client, string familyName, string startDate)
    {
        var registered = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Test", familyName, dateOfBirth = "1991-02-03" });
        registered.EnsureSuccessStatusCode();
        var personId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId, startDate, cohort = "Fixed", selectionReason = "Panel decision" });
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var id = new Domain.Cases.CaseId(Guid.Parse(caseId));
        var reviewId = await factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == id && r.Kind == Domain.Reviews.ReviewKind.Scheme).Select(r => r.Id).SingleAsync());
        return (caseId, reviewId.Value.ToString());
    }
}
