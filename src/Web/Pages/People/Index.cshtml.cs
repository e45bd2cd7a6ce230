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

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PersonListItem>? Results { get; private set; }

    public bool CanAdd => Policies.Allows(Policies.WriteCaseData, currentUser.Actor);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await sender.Send(new SearchPeopleQuery(Search, Math.Max(PageNumber, 1), PageSize), cancellationToken);
}
