using CaseManager.Application.Claims.SpotCheckClaim;
using CaseManager.Domain.Claims;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>
/// The spot-check sample of a submitted claim (SpotCheckClaimQuery) as a printable evidence pack, and the same pack as
/// a CSV download (<c>?handler=Download</c>).
/// </summary>
public sealed class SpotCheckModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SpotCheck Check { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Check = await sender.Send(new SpotCheckClaimQuery(new ClaimId(Id)), cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var check = await sender.Send(new SpotCheckClaimQuery(new ClaimId(Id)), cancellationToken);
        return File(Csv.ToBytes(ClaimCsv.SpotCheck(check)), "text/csv; charset=utf-8", $"spot-check-phase{check.Phase}-{check.Kind.ToLowerInvariant()}-{check.Window}.csv");
    }
}
