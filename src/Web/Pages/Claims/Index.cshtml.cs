using CaseManager.Application.Claims;
using CaseManager.Application.Claims.ListClaims;
using CaseManager.Application.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>The claims of the officer's agency (ListClaimsQuery), newest first.</summary>
public sealed class ClaimsIndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ClaimListItem> Claims { get; private set; } = null!;

    public Pagination Pagination => Pagination.For(Claims, "Claims", page => $"/claims?page={page}");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Claims = await sender.Send(new ListClaimsQuery(Math.Max(PageNumber, 1)), cancellationToken);
}
