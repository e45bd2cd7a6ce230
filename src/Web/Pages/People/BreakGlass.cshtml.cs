using CaseManager.Application.BreakGlass.UseBreakGlass;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Pages.People;

/// <summary>
/// Emergency access to everything held on a person. The person may not be visible to the user yet (that is the
/// point), so the page shows nothing of them: it needs only their id, from a person page or a link.
/// </summary>
public sealed class UseBreakGlassModel(ISender sender, LocalTime time, IOptions<PartnershipOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public BreakGlassInput Input { get; set; } = new();

    /// <summary>"24 hours": how long the access lasts, as the partnership has set it.</summary>
    public string Duration => options.Value.BreakGlassHours == 1 ? "1 hour" : $"{options.Value.BreakGlassHours} hours";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var grant = await sender.Send(
            new UseBreakGlassCommand(new PersonId(Id), Input.Justification ?? string.Empty, Input.RiskCategory.OrUnselected()),
            cancellationToken);
        TempData["Success"] = $"You have break-glass access until {time.TimeOnDay(grant.ExpiresAt)}";
        TempData["SuccessLinkHref"] = $"/break-glass/{grant.Id}/person-informed";
        TempData["SuccessLinkText"] = "Record whether the person has been told";
        return Redirect($"/people/{Id}");
    }
}

public sealed class BreakGlassInput
{
    public string? Justification { get; set; }

    public RiskCategory? RiskCategory { get; set; }
}
