using CaseManager.Application.Jobs.TriggerRecurringJob;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>A web host whose Hangfire server really processes jobs, polling every second.</summary>
public sealed class ProcessingFactory : CaseManagerFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Jobs:RunServer", "true"),
        new("Jobs:PollInterval", "00:00:01"),
    ];
}

/// <summary>
/// Hangfire keeps some configuration process-wide, so the one test host that really processes jobs runs alone,
/// never beside other hosts configuring Hangfire at the same moment.
/// </summary>
[CollectionDefinition(nameof(HangfireProcessing), DisableParallelization = true)]
public sealed class HangfireProcessing;

[Collection(nameof(HangfireProcessing))]
public sealed class JobProcessingTests(ProcessingFactory factory) : IClassFixture<ProcessingFactory>
{
    [Fact]
    public async Task TriggeredHousekeeping_RunsInHangfireAsTheSystemActor()
    {
        await factory.SendAsAsync<Unit>(DemoUsers.Administrator, new TriggerRecurringJobCommand("housekeeping"));

        var ran = await WaitForAsync(() => factory.QueryDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "command.DisableDormantAccountsCommand" && a.Rule == AccessRule.System && a.Outcome == AuditOutcome.Allowed)));

        var monitor = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => $"{j.Id} last={j.LastJobId} state={j.LastJobState}");
        var failures = string.Join("; ", monitor.FailedJobs(0, 5).Select(j => j.Value.ExceptionMessage));
        ran.Should().BeTrue($"the Hangfire server should pick up the triggered job within the wait (failed: {failures}; succeeded: {monitor.SucceededListCount()}; enqueued: {monitor.EnqueuedCount("default")}; recurring: {string.Join(",", recurring)}; servers: {monitor.Servers().Count})");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 180; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return false;
    }
}
