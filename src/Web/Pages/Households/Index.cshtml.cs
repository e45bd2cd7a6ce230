using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Households.ListHouseholds;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>The households the reader may know of, found by the household's or a visible member's name (ListHouseholdsQuery).</summary>
public sealed class HouseholdsIndexModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public Paged<HouseholdListItem> Results { get; private set; } = null!;

    public Pagination? Pages { get; private set; }

    public bool CanRecord => Policies.Allows(Policies.WriteCaseData, currentUser.Actor);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Results = await sender.Send(new ListHouseholdsQuery(Search, Math.Max(pageNumber, 1), PageSize), cancellationToken);
        Pages = Pagination.For(Results, "Pages of households", p => $"/households?search={Uri.EscapeDataString(Search ?? string.Empty)}&page={p}");
    }
}
