using CaseManager.Application.Claims.SpotCheckClaim;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>The spot-check sample of a submitted claim (SpotCheckClaimQuery) as a printable evidence pack.</summary>
public sealed class SpotCheckModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SpotCheck Check { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Check = await sender.Send(new SpotCheckClaimQuery(new ClaimId(Id)), cancellationToken);
}
