using CaseManager.Application.Jobs.TriggerRecurringJob;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Mediator;
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

public sealed class JobProcessingTests(ProcessingFactory factory) : IClassFixture<ProcessingFactory>
{
    [Fact]
    public async Task TriggeredHousekeeping_RunsInHangfireAsTheSystemActor()
    {
        await factory.SendAsAsync<Unit>(DemoUsers.Administrator, new TriggerRecurringJobCommand("housekeeping"));

        var ran = await WaitForAsync(() => factory.QueryDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "command.DisableDormantAccountsCommand" && a.Rule == AccessRule.System && a.Outcome == AuditOutcome.Allowed)));

        ran.Should().BeTrue("the Hangfire server should pick up the triggered job within the wait");
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
