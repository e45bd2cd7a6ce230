using CaseManager.Application.Common.Paging;
using CaseManager.Application.TroubledFamilies.ListResults;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>
/// Results and near-misses for the claims officer (ListResultsQuery; DOMAIN.md TF2, TF4): for every Troubled Families
/// case the officer's agency may see, which results are met as at a day, each check with what was measured and what
/// was needed, so a near-miss shows what is missing, and whether the result can still be claimed.
/// </summary>
public sealed class ClaimResultsModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public int Phase { get; set; } = 1;

    /// <summary>The day measured, from <c>?asOf=yyyy-mm-dd</c>; today when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    /// <summary>The page of cases, from <c>?p=</c> ("page" itself is the Razor page's route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The results, or null when the question could not be answered (the errors say why).</summary>
    public ResultsPage? Results { get; private set; }

    public Pagination Pagination => Pagination.For(
        new Paged<CaseResults>(Results!.Items, Results.Page, Results.PageSize, Results.Total),
        "Results",
        page => $"/claims/results?phase={Phase}&asOf={Results.AsOf:yyyy-MM-dd}&p={page}");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ModelState[nameof(AsOf)] is { Errors.Count: > 0 } asOf)
        {
            asOf.Errors.Clear();
            ModelState.AddModelError(nameof(AsOf), "Enter the day as yyyy-mm-dd, for example 2026-11-30");
            return;
        }

        Results = await sender.Send(new ListResultsQuery(Phase, AsOf, Math.Max(PageNumber, 1)), cancellationToken);
    }

    /// <summary>After a refused question the form is shown again with its errors and no results.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken)
    {
        Results = null;
        return Task.CompletedTask;
    }

    /// <summary>A result not met although some of its checks are: what is missing is the checks not met.</summary>
    public static bool IsNearMiss(ResultView result) => !result.Met && result.Checks.Any(c => c.Met);
}
