using CaseManager.Application.Jobs;
using CaseManager.Application.Jobs.ListRecurringJobs;
using CaseManager.Application.Jobs.TriggerRecurringJob;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Jobs;

public sealed class JobsIndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<RecurringJobSummary> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Jobs = await sender.Send(new ListRecurringJobsQuery(), cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string jobId, CancellationToken cancellationToken)
    {
        await sender.Send(new TriggerRecurringJobCommand(jobId), cancellationToken);
        TempData["Success"] = $"The job {jobId} has been queued to run now";
        return RedirectToPage();
    }
}
