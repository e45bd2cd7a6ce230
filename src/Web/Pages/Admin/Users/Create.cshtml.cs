using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Domain.Users;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Users;

public sealed class CreateUserModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await sender.Send(
            new CreateUserCommand(Input.Email ?? string.Empty, Input.DisplayName ?? string.Empty, Input.AgencyCode ?? string.Empty, Input.Roles,
                string.IsNullOrEmpty(Input.InitialPassword) ? null : Input.InitialPassword),
            cancellationToken);
        TempData["Success"] = string.IsNullOrEmpty(Input.InitialPassword)
            ? $"{user.DisplayName} has been added and emailed a link to set their password"
            : $"{user.DisplayName} has been added";
        return RedirectToPage("/Admin/Users/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        AgencyItems = [new SelectListItem("Select an agency", string.Empty), .. agencies.Select(a => new SelectListItem($"{a.Name} ({a.Code})", a.Code))];
    }
}

public sealed class UserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? AgencyCode { get; set; }

    public List<Role> Roles { get; set; } = [];

    public string? InitialPassword { get; set; }
}
