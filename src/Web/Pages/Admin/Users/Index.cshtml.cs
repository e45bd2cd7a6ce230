using CaseManager.Application.Common.Paging;
using CaseManager.Application.Users;
using CaseManager.Application.Users.ListUsers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Users;

public sealed class UsersIndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public Paged<UserAccount>? Users { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await sender.Send(new ListUsersQuery(Search, PageSize: Paging.MaxPageSize), cancellationToken);
}
