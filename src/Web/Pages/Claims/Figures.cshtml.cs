using CaseManager.Application.Claims.GetClaimFigures;
using CaseManager.Web.Export;
using CaseManager.Web.Pages.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>
/// The partnership's claim figures (GetClaimFiguresQuery): money claimed against the maximum as SVG bars drawn from the
/// same figures as the tables, per phase and financial year, and a CSV download.
/// </summary>
public sealed class ClaimFiguresModel(ISender sender) : PageModel
{
    public ClaimFigures Figures { get; private set; } = null!;

    /// <summary>One bar per phase and year: money claimed as a share of the maximum those families could earn.</summary>
    public IReadOnlyList<ChartBar> Bars { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await sender.Send(new GetClaimFiguresQuery(), cancellationToken);
        Bars = [.. Figures.Phases.SelectMany(p => p.Years.Select(y => new ChartBar(
            $"Phase {p.Phase}, families attached in {y.Name}",
            y.Maximum == 0 ? null : (double)Math.Round(100 * y.Claimed / y.Maximum, 1),
            $"{ClaimWords.Money(y.Claimed)} of {ClaimWords.Money(y.Maximum)}")))];
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken) =>
        File(Csv.ToBytes(ClaimCsv.Figures(await sender.Send(new GetClaimFiguresQuery(), cancellationToken))), "text/csv; charset=utf-8", "claim-figures.csv");
}
