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

        if (!Input.ExtensionToldOn.TryGetDate(out var toldOn))
        {
            ModelState.AddModelError("Input.ExtensionToldOn", "The date the person was told of the extension must be a real date");
        }
        else if (toldOn is { } told && ModelState.IsValid)
        {
            var received = receivedOn ?? clock.Today;
            var firstMonthEnds = clock.Calendar.SubjectAccessRespondBy(received);
            if (told < received || told > firstMonthEnds || told > clock.Today)
            {
                ModelState.AddModelError("Input.ExtensionToldOn", string.Create(CultureInfo.InvariantCulture,
                    $"An extension counts only if the person was told within the first month, from {received:d MMMM yyyy} to {firstMonthEnds:d MMMM yyyy}, and not in the future"));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = new List<string>();
        if (receivedOn is { } day)
        {
            query.Add($"receivedOn={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        if (toldOn is { } extension)
        {
            query.Add($"extensionToldOn={extension.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        return Redirect($"/governance/subject-access/{personId}{(query.Count == 0 ? string.Empty : "?" + string.Join('&', query))}");
    }
}

public sealed class SubjectAccessInput
{
    public string? PersonId { get; set; }

    /// <summary>The day the request arrived; the respond-by date counts from it. Empty means today.</summary>
    public DateParts ReceivedOn { get; set; } = new();

    /// <summary>A complex request: the day the person was told it will take two months more. Empty: not extended.</summary>
    public DateParts ExtensionToldOn { get; set; } = new();
}
