using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.SubjectAccess;

public sealed class SubjectAccessIndexModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubjectAccessInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (Input.PersonId is null)
        {
            return Page();
        }

        if (Guid.TryParse(Input.PersonId.Trim(), out var personId))
        {
            return Redirect($"/governance/subject-access/{personId}");
        }

        ModelState.AddModelError("Input.PersonId", "Enter the person id as it appears on their record or in the audit trail");
        return Page();
    }
}

public sealed class SubjectAccessInput
{
    public string? PersonId { get; set; }
}
