using System.Globalization;
using CaseManager.Application.Common.Time;
using CaseManager.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.SubjectAccess;

public sealed class SubjectAccessIndexModel(PartnershipClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubjectAccessInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (Input.PersonId is null)
        {
            return Page();
        }

        if (!Guid.TryParse(Input.PersonId.Trim(), out var personId))
        {
            ModelState.AddModelError("Input.PersonId", "Enter the person id as it appears on their record or in the audit trail");
        }

        if (!Input.ReceivedOn.TryGetDate(out var receivedOn))
        {
            ModelState.AddModelError("Input.ReceivedOn", "The date the request was received must be a real date");
        }
        else if (receivedOn > clock.Today)
        {
            ModelState.AddModelError("Input.ReceivedOn", "The date the request was received cannot be in the future");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var received = receivedOn is { } day ? $"?receivedOn={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty;
        return Redirect($"/governance/subject-access/{personId}{received}");
    }
}

public sealed class SubjectAccessInput
{
    public string? PersonId { get; set; }

    /// <summary>The day the request arrived; the respond-by date counts from it. Empty means today.</summary>
    public DateParts ReceivedOn { get; set; } = new();
}
