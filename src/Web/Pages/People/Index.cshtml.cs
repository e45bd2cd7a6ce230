using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People;
using CaseManager.Application.People.SearchPeople;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People;

public sealed class PeopleIndexModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public Paged<PersonListItem>? Results { get; private set; }

    public bool CanAdd => Policies.Allows(Policies.WriteCaseData, currentUser.Actor);

    /// <summary>
    /// The page number comes from the query string only: bound as a property named "page" it would take the Razor
    /// Pages route value "page" (the page's own path) and fail to bind.
    /// </summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default) =>
        Results = await sender.Send(new SearchPeopleQuery(Search, Math.Max(pageNumber, 1), PageSize), cancellationToken);
}
