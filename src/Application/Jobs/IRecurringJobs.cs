namespace CaseManager.Application.Jobs;

/// <summary>The recurring background jobs, as an administrator sees and runs them.</summary>
public interface IRecurringJobs
{
    IReadOnlyList<RecurringJobSummary> List();

    /// <summary>Queues the job to run now; false when there is no such job.</summary>
    bool Trigger(string jobId);
}

public sealed record RecurringJobSummary(string Id, string Cron, string? TimeZone, DateTime? LastRunUtc, DateTime? NextRunUtc, string? LastState);
