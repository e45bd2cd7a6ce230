using CaseManager.Domain.Auditing;
using CaseManager.Infrastructure.Identity;
using CaseManager.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Account;

/// <summary>
/// A new user sets their password from the link in their invitation email. This is part of signing in, so it
/// sits at the edge with ASP.NET Core Identity rather than in a mediator command (there is no actor yet).
/// </summary>
public sealed class SetPasswordModel(UserManager<ApplicationUser> userManager, SignInService signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter a new password");
        }
        else if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await userManager.FindByIdAsync(UserId.ToString());
        var result = user is null || user.IsDisabled || string.IsNullOrEmpty(Token)
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This link is not valid or has expired. Ask your administrator for a new one." })
            : await userManager.ResetPasswordAsync(user, Token, Input.Password!);
        await signIn.AuditAsync(user, user?.Email ?? UserId.ToString(), result.Succeeded ? AuditOutcome.Allowed : AuditOutcome.Refused,
            result.Succeeded ? null : "Invalid link or weak password", "account.set-password");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password",
                    error.Code == "InvalidToken" ? "This link is not valid or has expired. Ask your administrator for a new one." : error.Description);
            }

            return Page();
        }

        return RedirectToPage("/Account/SignIn", new { passwordSet = true });
    }
}

public sealed class SetPasswordInput
{
    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
