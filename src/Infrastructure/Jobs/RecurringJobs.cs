using CaseManager.Application.Common.Time;
using CaseManager.Application.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace CaseManager.Infrastructure.Jobs;

/// <summary><c>Jobs:*</c>: when recurring jobs run (in the partnership's time zone, <c>Partnership:TimeZone</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public string HousekeepingCron { get; set; } = "30 2 * * *";

    /// <summary>When review reminders, overdue notices, escalations and digests go out (daily at 07:00).</summary>
    public string ReviewRemindersCron { get; set; } = "0 7 * * *";

    /// <summary>When sharing rights and case readers are checked against their facts (daily at 03:15).</summary>
    public string DerivedAccessCheckCron { get; set; } = "15 3 * * *";

    /// <summary>
    /// When SQLite's planner statistics are refreshed (hourly at :45; nothing to do on PostgreSQL). Hourly, not daily:
    /// statistics of near-empty tables made a page's access explanations walk every sharing right of the reader's
    /// agency (32.8 ms instead of 0.38 ms for 50 cases, docs/performance.md), and the refresh costs about 18 ms.
    /// </summary>
    public string DatabaseStatisticsCron { get; set; } = "45 * * * *";

    /// <summary>When claim preparations that lost their job are queued again (every 10 minutes; docs/adr/0025).</summary>
    public string ClaimPreparationSweepCron { get; set; } = "*/10 * * * *";

    /// <summary>
    /// When the background derivation of sharing rights looks for unfinished work (every minute; docs/adr/0026). A
    /// change queues the job at once; this picks up work whose run was lost with a stopped process.
    /// </summary>
    public string SharingRightDerivationsCron { get; set; } = "* * * * *";

    /// <summary>
    /// Whether the request that changed an agreement or an agency's schemes works out the first batch of people
    /// itself, after it commits (docs/adr/0026): a partnership of up to one batch then has the new access at once.
    /// </summary>
    public bool DeriveFirstBatchInRequest { get; set; } = true;

    /// <summary>Whether this process also processes jobs (a web-only node can set it to false).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for due recurring jobs and queued work; tests shorten it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often an idle worker looks for queued work (at most <see cref="PollInterval"/>). The job stores poll, so
    /// this is how long a job an administrator triggers waits before it runs: at 15 s, a check made soon after a
    /// trigger found nothing done yet. One indexed query per worker per second is nothing to either database.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan QueuePollingInterval => QueuePollInterval < PollInterval ? QueuePollInterval : PollInterval;
}

/// <summary>The recurring jobs, with stable ids. Registered at start-up; re-registering the same id updates it.</summary>
public sealed class RecurringJobs(IRecurringJobManager manager, JobStorage storage, IOptions<JobOptions> options, PartnershipClock partnership) : IRecurringJobs
{
    public const string Housekeeping = "housekeeping";

    public const string ReviewReminders = "review-reminders";

    public const string DerivedAccessCheck = "derived-access-check";

    public const string DatabaseStatistics = "database-statistics";

    public const string ClaimPreparations = "claim-preparations";

    public const string SharingRightDerivations = "sharing-right-derivations";

    public void RegisterAll()
    {
        var settings = options.Value;
        var recurringOptions = new RecurringJobOptions { TimeZone = partnership.Zone };
        manager.AddOrUpdate<HousekeepingJob>(
            Housekeeping,
            job => job.Run(CancellationToken.None),
            settings.HousekeepingCron,
            recurringOptions);
        manager.AddOrUpdate<ReviewRemindersJob>(
            ReviewReminders,
            job => job.Run(CancellationToken.None),
            settings.ReviewRemindersCron,
            recurringOptions);
        manager.AddOrUpdate<DerivedAccessCheckJob>(
            DerivedAccessCheck,
            job => job.Run(CancellationToken.None),
            settings.DerivedAccessCheckCron,
            recurringOptions);
        manager.AddOrUpdate<DatabaseStatisticsJob>(
            DatabaseStatistics,
            job => job.Run(CancellationToken.None),
            settings.DatabaseStatisticsCron,
            recurringOptions);
        manager.AddOrUpdate<ClaimPreparationSweepJob>(
            ClaimPreparations,
            job => job.Run(CancellationToken.None),
            settings.ClaimPreparationSweepCron,
            recurringOptions);
        manager.AddOrUpdate<SharingRightDerivationJob>(
            SharingRightDerivations,
            job => job.Run(CancellationToken.None),
            settings.SharingRightDerivationsCron,
            recurringOptions);
    }

    public IReadOnlyList<RecurringJobSummary> List()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs()
            .OrderBy(j => j.Id, StringComparer.Ordinal)
            .Select(j => new RecurringJobSummary(j.Id, j.Cron, j.TimeZoneId, j.LastExecution, j.NextExecution, j.LastJobState))
            .ToList();
    }

    public bool Trigger(string jobId)
    {
        using var connection = storage.GetConnection();
        if (!connection.GetRecurringJobs([jobId]).Any(j => !j.Removed))
        {
            return false;
        }

        manager.Trigger(jobId);
        return true;
    }
}
