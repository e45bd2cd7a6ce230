using CaseManager.Application.Common;
using CaseManager.Application.Sharing.EndSharingAgreement;
using CaseManager.Application.Sharing.ListSharingAgreements;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.Agreements;

public sealed class EndAgreementModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EndAgreementInput Input { get; set; } = new();

    public string Name { get; private set; } = string.Empty;

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var agreement = await sender.Send(new EndSharingAgreementCommand(new SharingAgreementId(Id), Input.Reason ?? string.Empty), cancellationToken);
        TempData["Success"] = $"‘{agreement.Name}’ has ended. Nothing is shared under it from now on.";
        return RedirectToPage("/Governance/Agreements/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        // A partnership has tens of agreements, listed in one unpaged query.
        var agreements = await sender.Send(new ListSharingAgreementsQuery(), cancellationToken);
        Name = (agreements.SingleOrDefault(a => a.Id == Id) ?? throw NotFoundException.For("Sharing agreement", Id)).Name;
    }
}

public sealed class EndAgreementInput
{
    public string? Reason { get; set; }
}
