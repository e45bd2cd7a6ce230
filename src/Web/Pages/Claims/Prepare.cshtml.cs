using CaseManager.Application.Claims.PrepareClaim;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>Starts a claim (PrepareClaimCommand); the preparation then runs as a background job.</summary>
public sealed class PrepareClaimModel(ISender sender, LocalTime time) : PageModel
{
    [BindProperty]
    public PrepareClaimInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> PhaseItems { get; } =
        [new("Phase 1 (2012 to 2015): attachment fees, crime and anti-social behaviour with education, continuous employment, progress to work", "1"),
         new("Phase 2 (2015 to 2020): attachment fees, significant and sustained progress or continuous employment", "2")];

    public IReadOnlyList<SelectListItem> KindItems { get; } =
        [new("Attachment fees for families newly attached", nameof(ClaimKind.Attachment)), new("Results achieved by families", nameof(ClaimKind.Results))];

    public void OnGet() => Input.Window ??= time.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await sender.Send(new PrepareClaimCommand(Input.Phase, Input.Kind, Input.Window?.Trim()), cancellationToken);
        TempData["Success"] = "The claim is being prepared. This page shows its progress.";
        return Redirect($"/claims/{created.Id}");
    }
}

public sealed class PrepareClaimInput
{
    public int? Phase { get; set; }

    public ClaimKind? Kind { get; set; }

    public string? Window { get; set; }
}
