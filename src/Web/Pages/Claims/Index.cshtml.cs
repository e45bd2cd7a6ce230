using CaseManager.Application.Claims;
using CaseManager.Application.Claims.ListClaims;
using CaseManager.Application.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>The claims of the officer's agency (ListClaimsQuery), newest first.</summary>
public sealed class ClaimsIndexModel(ISender sender) : PageModel
{
    /// <summary>The page of the list, from <c>?page=</c> ("page" itself is the Razor page's route value).</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    public Paged<ClaimListItem> Claims { get; private set; } = null!;

    public Pagination Pagination => Pagination.For(Claims, "Claims", page => $"/claims?page={page}");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Claims = await sender.Send(new ListClaimsQuery(PageNumber), cancellationToken);
}
