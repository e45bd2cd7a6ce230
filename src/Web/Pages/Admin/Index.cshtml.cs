using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin;

public sealed class AdminIndexModel : PageModel
{
    public void OnGet()
    {
    }
}
