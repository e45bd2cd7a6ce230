using CaseManager.Application.Agencies.ListAgencies;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Agencies;

public sealed class AgenciesIndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<AgencyListItem> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
}
