using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The review-reminders job on PostgreSQL: the Reviews migration, insert-if-absent and digest claims under concurrent runs.</summary>
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
}
