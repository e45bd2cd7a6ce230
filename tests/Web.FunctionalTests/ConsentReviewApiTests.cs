using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// Consent reviews over HTTP: listed with their consent rather than a case, completed through the reviews route,
/// and seen only by those who may see the consent itself. The demo police own Adam Ashby, whom probation sees
/// under the IOM agreement and FIT does not see at all.
/// </summary>
public sealed class ConsentReviewApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task ListReviews_ConsentReviewOfTheRecorder_IsListedWithItsConsentAndNoCase()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var adam = await AdamAsync();
        var consentId = await RecordAsync(police, adam, "Iom", "PROBATION", "2026-01-05", "2026-11-29");

        var due = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?allocatedToMe=true&state=Due&pageSize=200");

        var item = Items(due).Single(i => i.GetProperty("consentId").GetString() == consentId);
        item.GetProperty("kind").GetString().Should().Be("Consent");
        item.GetProperty("caseId").ValueKind.Should().Be(JsonValueKind.Null);
        item.GetProperty("personId").GetString().Should().Be(adam);
        item.GetProperty("scheme").GetString().Should().Be("Iom");
        item.GetProperty("dueOn").GetString().Should().Be("2026-11-29");
        item.GetProperty("state").GetString().Should().Be("Due");
        item.GetProperty("ownerAgency").GetString().Should().Be("POLICE");
        item.GetProperty("dataCategory").GetString().Should().Be("Identity");
        item.GetProperty("personName").GetString().Should().Be("Adam Ashby");
    }

    [Fact]
    public async Task CompleteReview_ConsentReviewByTheRecordingAgency_ClosesItAndSchedulesNothing()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var adam = await AdamAsync();
        var consentId = await RecordAsync(police, adam, "Iom", "PROBATION", "2026-11-20", "2026-11-30");
        var reviewId = await ReviewOfAsync(consentId);

        var beforeRecorded = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-19", summary = "Spoke to him" });
        var future = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-27", summary = "Spoke to him" });
        var completed = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Could not reach him; consent lapses" });
        var again = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Twice" });
        var open = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");

        beforeRecorded.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await beforeRecorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("review.completed-before-consent");
        future.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var body = await completed.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("completedOn").GetString().Should().Be("2026-11-25");
        body.GetProperty("nextReviewId").ValueKind.Should().Be(JsonValueKind.Null);
        body.GetProperty("nextReviewDue").ValueKind.Should().Be(JsonValueKind.Null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("review.closed");
        Items(open).Should().NotContain(i => i.GetProperty("id").GetString() == reviewId);
        var stored = await factory.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == new Domain.Reviews.ReviewId(Guid.Parse(reviewId))));
        stored.Summary.Should().Be("Could not reach him; consent lapses");
    }

    [Fact]
    public async Task ConsentReview_ForAPartnerTheConsentNames_IsListedButOnlyTheRecordingAgencyCompletesIt()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adam = await AdamAsync();
        var reviewId = await ReviewOfAsync(await RecordAsync(police, adam, "Iom", "PROBATION", "2026-01-05", "2026-11-28"));

        var listed = await probation.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");
        var completed = await probation.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Not ours" });

        var item = Items(listed).Single(i => i.GetProperty("id").GetString() == reviewId);
        item.GetProperty("access").GetProperty("rule").GetString().Should().Be("SharingAgreement");
        completed.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ConsentReview_ForAgenciesThatMayNotSeeTheConsent_IsNotListedAndNotFound()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var fit = await factory.ApiClientForAsync(DemoUsers.FitKeyworker);
        var adam = await AdamAsync();
        var reviewId = await ReviewOfAsync(await RecordAsync(police, adam, "AdultTreatment", "DAAT", "2026-01-05", "2026-11-28"));
        var body = new { completedOn = "2026-11-25", summary = "Not ours" };

        var probationList = await probation.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");
        var fitList = await fit.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");
        var probationComplete = await probation.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", body);
        var fitComplete = await fit.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", body);
        var ownerList = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");

        Items(probationList).Should().NotContain(i => i.GetProperty("id").GetString() == reviewId, "probation sees Adam but the consent does not name it");
        Items(fitList).Should().NotContain(i => i.GetProperty("id").GetString() == reviewId, "FIT has no basis to see Adam at all");
        probationComplete.StatusCode.Should().Be(HttpStatusCode.NotFound);
        fitComplete.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Items(ownerList).Should().Contain(i => i.GetProperty("id").GetString() == reviewId);
        (await factory.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == new Domain.Reviews.ReviewId(Guid.Parse(reviewId))))).IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task WithdrawConsent_TakesItsReviewOffTheList()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var adam = await AdamAsync();
        var consentId = await RecordAsync(police, adam, "Iom", "PROBATION", "2026-01-05", "2026-11-28");
        var reviewId = await ReviewOfAsync(consentId);

        var withdrawn = await police.PostAsJsonAsync($"/api/v1/people/{adam}/consents/{consentId}/withdraw", new { reason = "No longer agrees" });
        var open = await police.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");

        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
        Items(open).Should().NotContain(i => i.GetProperty("id").GetString() == reviewId);
        var completed = await police.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/complete", new { completedOn = "2026-11-25", summary = "Too late" });
        (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("review.closed");
    }

    [Fact]
    public async Task Notifications_AfterTheJob_CarryTheConsentAndNoCaseAndNoName()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var adam = await AdamAsync();
        var consentId = await RecordAsync(police, adam, "Iom", "PROBATION", "2026-01-05", "2026-11-29");
        var reviewId = await ReviewOfAsync(consentId);

        await factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);
        var notices = await police.GetFromJsonAsync<JsonElement>("/api/v1/notifications?pageSize=200");

        var notice = Items(notices).Single(i => i.GetProperty("reviewId").GetString() == reviewId);
        notice.GetProperty("kind").GetString().Should().Be("ReviewDue");
        notice.GetProperty("reviewKind").GetString().Should().Be("Consent");
        notice.GetProperty("consentId").GetString().Should().Be(consentId);
        notice.GetProperty("caseId").ValueKind.Should().Be(JsonValueKind.Null);
        notice.GetProperty("text").GetString().Should().Be("Integrated Offender Management consent review due on 29 November 2026");
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private Task<string> AdamAsync() =>
        factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby" && p.GivenName == "Adam").Select(p => p.Id.Value.ToString()).SingleAsync());

    private Task<string> ReviewOfAsync(string consentId) =>
        factory.QueryDbAsync(db => db.Reviews.Where(r => r.ConsentId == new Domain.Sharing.ConsentId(Guid.Parse(consentId))).Select(r => r.Id.Value.ToString()).SingleAsync());

    private static async Task<string> RecordAsync(HttpClient client, string personId, string purpose, string recipient, string recordedOn, string reviewOn)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/people/{personId}/consents", new
        {
            purpose,
            recipientAgencies = new[] { recipient },
            dataCategories = new[] { "Offending" },
            status = "Given",
            givenBy = "Self",
            recordedOn,
            reviewOn,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
