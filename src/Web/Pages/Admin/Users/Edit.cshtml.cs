using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Users;
using CaseManager.Application.Users.ChangeUser;
using CaseManager.Application.Users.GetUser;
using CaseManager.Domain.Users;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Users;

/// <summary>An administrator changes a user's agency and roles (ChangeUserCommand); the user's sessions end at once.</summary>
public sealed class EditUserModel(ISender sender) : PageModel, IReloadablePage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ChangeUserInput Input { get; set; } = new();

    public UserAccount? Account { get; private set; }

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input = new ChangeUserInput { AgencyCode = Account!.AgencyCode, Roles = [.. Account.Roles] };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var changed = await sender.Send(new ChangeUserCommand(Id, Input.AgencyCode ?? string.Empty, Input.Roles), cancellationToken);
        TempData["Success"] = $"{changed.DisplayName}'s agency and roles have been changed. They have been signed out and sign in again under the new ones";
        return RedirectToPage("/Admin/Users/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Account = await sender.Send(new GetUserQuery(Id), cancellationToken);
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        AgencyItems = [new SelectListItem("Select an agency", string.Empty), .. agencies.Select(a => new SelectListItem($"{a.Name} ({a.Code})", a.Code))];
    }
}

public sealed class ChangeUserInput
{
    public string? AgencyCode { get; set; }

    public List<Role> Roles { get; set; } = [];
}
