using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance;

public sealed class GovernanceIndexModel : PageModel
{
    public void OnGet()
    {
    }
}
