using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The review-reminders job on PostgreSQL: the Reviews and ConsentReviews migrations, insert-if-absent of notices and
/// of missing consent reviews, and digest claims under concurrent runs.
/// </summary>
public sealed class PostgresReviewReminderTests(PostgresFactory factory) : IClassFixture<PostgresFactory>
{
    [Fact]
    public async Task ReviewReminders_RunConcurrentlyOnPostgres_RecordAndSendExactlyOnce()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        foreach (var (name, start) in new[] { ("Pgdue", "2026-11-01"), ("Pglate", "2026-10-10") })
        {
            var person = await police.PostAsJsonAsync("/api/v1/people", new { givenName = "Test", familyName = name, dateOfBirth = "1980-01-01" });
            var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            (await police.PostAsJsonAsync("/api/v1/cases", new { scheme = "Iom", personId, startDate = start, cohort = "Fixed", selectionReason = "Panel" }))
                .EnsureSuccessStatusCode();
        }

        var job = factory.Services.GetRequiredService<ReviewRemindersJob>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => job.Run(CancellationToken.None))));
        await job.Run(CancellationToken.None);

        var notices = await factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        var digests = await factory.QueryDbAsync(db => db.NotificationDigests.AsNoTracking().ToListAsync());
        notices.Should().Contain(n => n.Kind == Domain.Notifications.NotificationKind.Escalation);
        notices.GroupBy(n => (n.UserId, n.Kind, n.ReviewId, n.PeriodKey)).Should().OnlyContain(g => g.Count() == 1);
        digests.Should().HaveCount(notices.Select(n => n.UserId).Distinct().Count()).And.OnlyContain(d => d.SentAt != null);
        Directory.GetFiles(factory.MailFolder, "*.eml").Should().HaveCount(digests.Count);
    }

    [Fact]
    public async Task ConsentReviews_BackfilledByConcurrentRunsOnPostgres_OneEachRemindedOnceAndReadUnderTheConsentRule()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var probation = await factory.ApiClientForAsync(DemoUsers.ProbationCaseworker);
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id.Value.ToString()).SingleAsync());
        var named = await RecordConsentAsync(police, adam, "Iom", "PROBATION", "2026-11-29");
        var unnamed = await RecordConsentAsync(police, adam, "AdultTreatment", "DAAT", "2026-11-20");
        await factory.QueryDbAsync(db => db.Reviews.Where(r => r.Kind == Domain.Reviews.ReviewKind.Consent).ExecuteDeleteAsync());

        var job = factory.Services.GetRequiredService<ReviewRemindersJob>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => job.Run(CancellationToken.None))));
        await job.Run(CancellationToken.None);

        var reviews = await factory.QueryDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Kind == Domain.Reviews.ReviewKind.Consent).ToListAsync());
        var given = await factory.QueryDbAsync(db => db.Consents.CountAsync(c => c.Status == Domain.Sharing.ConsentStatus.Given));
        reviews.Should().HaveCount(given).And.OnlyHaveUniqueItems(r => r.ConsentId);
        var recorder = await factory.QueryDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.PoliceCaseworker).Select(u => u.Id).SingleAsync());
        var namedReview = reviews.Single(r => r.ConsentId == new Domain.Sharing.ConsentId(Guid.Parse(named))).Id;
        var unnamedReview = reviews.Single(r => r.ConsentId == new Domain.Sharing.ConsentId(Guid.Parse(unnamed))).Id;
        var notices = await factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        notices.Where(n => n.ReviewId == namedReview).Select(n => (n.UserId, n.Kind)).Should().Equal((recorder, Domain.Notifications.NotificationKind.ReviewDue));
        notices.Should().Contain(n => n.ReviewId == unnamedReview && n.Kind == Domain.Notifications.NotificationKind.Escalation);
        notices.GroupBy(n => (n.UserId, n.Kind, n.ReviewId, n.PeriodKey)).Should().OnlyContain(g => g.Count() == 1);
        var probationList = await probation.GetFromJsonAsync<JsonElement>("/api/v1/reviews?pageSize=200");
        var ids = probationList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        ids.Should().Contain(namedReview.ToString()).And.NotContain(unnamedReview.ToString());
    }

    private static async Task<string> RecordConsentAsync(HttpClient client, string personId, string purpose, string recipient, string reviewOn)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/people/{personId}/consents", new
        {
            purpose,
            recipientAgencies = new[] { recipient },
            dataCategories = new[] { "Offending" },
            status = "Given",
            givenBy = "Self",
            recordedOn = "2026-01-05",
            reviewOn,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
