using CaseManager.Application.Jobs;
using CaseManager.Application.Jobs.ListRecurringJobs;
using CaseManager.Application.Jobs.TriggerRecurringJob;
using CaseManager.Application.Common.Time;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Jobs;

/// <summary>
/// The recurring jobs with their schedules in words and their last and next runs in the partnership's time zone
/// (the zone the jobs are scheduled in), not UTC.
/// </summary>
public sealed class JobsIndexModel(ISender sender, LocalTime time, PartnershipClock clock) : PageModel
{
    public IReadOnlyList<RecurringJobSummary> Jobs { get; private set; } = [];

    public string ZoneName => clock.Zone.Id;

    /// <summary>A job scheduled in another zone than the partnership's says so.</summary>
    public string ZoneNote(RecurringJobSummary job) =>
        job.TimeZone is { } zone && !string.Equals(zone, clock.Zone.Id, StringComparison.Ordinal) ? $" ({zone} time)" : string.Empty;

    /// <summary>A Hangfire time (UTC, unspecified kind) in the partnership's time zone.</summary>
    public string Time(DateTime? utc, string none) =>
        utc is { } at ? time.DateAndTime(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) : none;

    /// <summary>"review-reminders" as "Review reminders".</summary>
    public static string NameOf(string jobId) =>
        jobId.Length == 0 ? jobId : char.ToUpperInvariant(jobId[0]) + jobId[1..].Replace('-', ' ');

    public static string StateOf(string state) => state switch
    {
        "Succeeded" => "succeeded",
        "Failed" => "failed",
        "Processing" => "running",
        "Enqueued" => "queued",
        "Scheduled" => "scheduled",
        "Deleted" => "cancelled",
        _ => state.ToLowerInvariant(),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Jobs = await sender.Send(new ListRecurringJobsQuery(), cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string jobId, CancellationToken cancellationToken)
    {
        await sender.Send(new TriggerRecurringJobCommand(jobId), cancellationToken);
        TempData["Success"] = $"The job ‘{NameOf(jobId)}’ has been queued to run now";
        return RedirectToPage();
    }
}
