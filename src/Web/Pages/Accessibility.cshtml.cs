using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages;

public sealed class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
