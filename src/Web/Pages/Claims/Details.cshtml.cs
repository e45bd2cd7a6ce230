using CaseManager.Application.Claims;
using CaseManager.Application.Claims.CancelClaim;
using CaseManager.Application.Claims.ExportClaim;
using CaseManager.Application.Claims.GetClaim;
using CaseManager.Application.Claims.GetClaimHistory;
using CaseManager.Application.Claims.ListClaimLines;
using CaseManager.Application.Claims.SubmitClaim;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Claims;
using CaseManager.Web.Errors;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>
/// A claim (GetClaimQuery): progress while it is prepared (refresh the page to see it move on), then its lines
/// (ListClaimLinesQuery) with links to each line's evidence, submission (SubmitClaimCommand), the CSV download
/// (ExportClaimQuery) and, once submitted, the spot check. While it is prepared it can be cancelled
/// (CancelClaimCommand, docs/adr/0025); the page says so plainly once the preparation has stopped. The history shows
/// its first <see cref="ClaimReads.HistoryInView"/> entries, and the rest a page at a time (GetClaimHistoryQuery).
/// </summary>
public sealed class ClaimDetailsModel(ISender sender, ICurrentUser currentUser) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The page of the list, from <c>?page=</c> ("page" itself is the Razor page's route value).</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    public ClaimView Claim { get; private set; } = null!;

    public Paged<ClaimLineItem> Lines { get; private set; } = null!;

    public Pagination Pagination => Pagination.For(Lines, "Claim lines", page => $"/claims/{Id}?page={page}");

    /// <summary>The page of the history, from <c>?historyPage=</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public int HistoryPage { get; set; } = 1;

    public Paged<ClaimHistoryItem> History { get; private set; } = null!;

    public Pagination HistoryPagination => Pagination.For(History, "Claim history", page => $"/claims/{Id}?historyPage={page}#history");

    public bool IsPreparer => Claim.PreparedBy.Id == currentUser.Actor.UserId;

    public int PercentDone => Claim.Progress.Total == 0 ? (Claim.Status == nameof(ClaimStatus.Preparing) ? 0 : 100) : (int)(100L * Claim.Progress.Done / Claim.Progress.Total);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        var submitted = await sender.Send(new SubmitClaimCommand(new ClaimId(Id)), cancellationToken);
        TempData["Success"] = $"Claim submitted: {submitted.Counts.Validated} validated lines, {ClaimWords.Money(submitted.Amount)}";
        return Redirect($"/claims/{Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var cancelled = await sender.Send(new CancelClaimCommand(new ClaimId(Id)), cancellationToken);
        TempData["Success"] = $"Preparation cancelled after {cancelled.Progress.Done} of {cancelled.Progress.Total} cases. The window {cancelled.Window} can be prepared again.";
        return Redirect($"/claims/{Id}");
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var export = await sender.Send(new ExportClaimQuery(new ClaimId(Id)), cancellationToken);
        return new ClaimCsvResult(export, $"claim-phase{export.Phase}-{export.Kind.ToLowerInvariant()}-{export.Window}.csv");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Claim = await sender.Send(new GetClaimQuery(new ClaimId(Id)), cancellationToken);
        Lines = await sender.Send(new ListClaimLinesQuery(new ClaimId(Id), Page: PageNumber), cancellationToken);
        HistoryPage = Math.Max(HistoryPage, 1);
        History = HistoryPage == 1
            ? new Paged<ClaimHistoryItem>(Claim.History, 1, ClaimReads.HistoryInView, Claim.HistoryTotal)
            : await sender.Send(new GetClaimHistoryQuery(new ClaimId(Id), HistoryPage, ClaimReads.HistoryInView), cancellationToken);
    }
}

/// <summary>Streams a claim's lines to the response as CSV.</summary>
public sealed class ClaimCsvResult(ClaimExport export, string fileName) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await ClaimCsv.WriteAsync(response.Body, export, context.HttpContext.RequestAborted);
    }
}
