using CaseManager.Web.Endpoints;
using CaseManager.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Account;

public sealed class SignInModel(SignInService signIn) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>Arrived here from setting a password: say it worked before asking for it.</summary>
    [BindProperty(SupportsGet = true)]
    public bool PasswordSet { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await signIn.CheckAsync(Input.Email!, Input.Password!);
        switch (attempt.Outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, attempt.Principal!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("Input.Email", SignInMessages.LockedOut(attempt.LockedUntil));
                return Page();
            default:
                ModelState.AddModelError("Input.Email", SignInMessages.Failed);
                return Page();
        }
    }
}

public sealed class SignInInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
