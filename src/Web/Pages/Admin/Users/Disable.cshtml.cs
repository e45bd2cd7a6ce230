using CaseManager.Application.Users;
using CaseManager.Application.Users.DisableUser;
using CaseManager.Application.Users.GetUser;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Users;

public sealed class DisableUserModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public UserAccount? Account { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new DisableUserCommand(Id), cancellationToken);
        await ReloadAsync(cancellationToken);
        TempData["Success"] = $"{Account!.DisplayName} has been disabled";
        return RedirectToPage("/Admin/Users/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Account = await sender.Send(new GetUserQuery(Id), cancellationToken);
}
