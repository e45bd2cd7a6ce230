using CaseManager.Application.Claims;
using CaseManager.Application.Claims.GetClaimLine;
using CaseManager.Application.Claims.RejectClaimLine;
using CaseManager.Application.Claims.ValidateClaimLine;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Claims;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Claims;

/// <summary>
/// One claim line with its evidence (GetClaimLineQuery) and, for a second person, the forms to validate or reject it
/// (ValidateClaimLineCommand, RejectClaimLineCommand). The preparer sees why they cannot.
/// </summary>
public sealed class ClaimLineModel(ISender sender, ICurrentUser currentUser) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid LineId { get; set; }

    [BindProperty]
    public LineDecisionInput Input { get; set; } = new();

    public ClaimLineDetails Details { get; private set; } = null!;

    public string? CannotDecide { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostValidateAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ValidateClaimLineCommand(new ClaimId(Id), new ClaimLineId(LineId), Input.Note), cancellationToken);
        TempData["Success"] = "Line validated";
        return Redirect($"/claims/{Id}");
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RejectClaimLineCommand(new ClaimId(Id), new ClaimLineId(LineId), Input.Note), cancellationToken);
        TempData["Success"] = "Line rejected";
        return Redirect($"/claims/{Id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Details = await sender.Send(new GetClaimLineQuery(new ClaimId(Id), new ClaimLineId(LineId)), cancellationToken);
        CannotDecide = Details.ClaimStatus switch
        {
            nameof(ClaimStatus.Submitted) => "This claim has been submitted, so its lines no longer change.",
            nameof(ClaimStatus.Preparing) => "The claim is still being prepared.",
            _ when Details.Line.PreparedBy == currentUser.Actor.UserId => "You prepared this claim, so another claims officer must validate or reject its lines. This keeps a second person on every claim.",
            _ => null,
        };
    }
}

public sealed class LineDecisionInput
{
    public string? Note { get; set; }
}
