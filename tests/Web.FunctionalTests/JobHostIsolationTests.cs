using System.Net;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// Hangfire's logging is process-wide. A host that processed jobs and was then disposed must leave nothing behind
/// that a later host in the same process uses: triggering a job there once answered 500 with
/// ObjectDisposedException (LoggerFactory), depending on which test classes ran before.
/// </summary>
public sealed class JobHostIsolationTests
{
    [Fact]
    public async Task TriggerJob_AfterAJobServerHostStartedLaterWasDisposed_IsAccepted()
    {
        using var running = new CaseManagerFactory();
        var admin = await running.ApiClientForAsync(DemoUsers.Administrator);

        // Another host, started after this one and disposed while this one runs (test classes run in parallel).
        using (var other = new JobServerFactory())
        {
            var client = await other.ApiClientForAsync(DemoUsers.Administrator);
            (await client.PostAsync("/api/v1/admin/jobs/review-reminders/trigger", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var trigger = await admin.PostAsync("/api/v1/admin/jobs/review-reminders/trigger", null);

        trigger.StatusCode.Should().Be(HttpStatusCode.Accepted, await trigger.Content.ReadAsStringAsync());
    }

    private sealed class JobServerFactory : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Jobs:RunServer", "true"),
        ];
    }
}
