using CaseManager.Application.Common.Paging;
using CaseManager.Application.Users;
using CaseManager.Application.Users.ListUsers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Users;

public sealed class UsersIndexModel(ISender sender, LocalTime time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public Paged<UserAccount>? Users { get; private set; }

    /// <summary>When the user last signed in, in the partnership's time zone, or that they never have.</summary>
    public string LastSignIn(UserAccount user) => user.LastSignInAt is { } at ? time.DateAndTime(at) : "Never";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await sender.Send(new ListUsersQuery(Search, PageSize: Paging.MaxPageSize), cancellationToken);
}
