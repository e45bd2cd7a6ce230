using CaseManager.Application.ReferenceFigures;
using CaseManager.Application.ReferenceFigures.ListReferenceFigures;
using CaseManager.Application.ReferenceFigures.RemoveReferenceFigure;
using CaseManager.Domain.Reporting;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.ReferenceFigures;

/// <summary>The reference figures the partnership report compares against, and removing one entered in error.</summary>
public sealed class ReferenceFiguresIndexModel(ISender sender) : PageModel, IReloadablePage
{
    public IReadOnlyList<ReferenceFigureView> Figures { get; private set; } = [];

    public static string PriorityName(PartnershipPriority priority) => priority switch
    {
        PartnershipPriority.Asb => "Anti-social behaviour",
        PartnershipPriority.Reoffending => "Offending and re-offending",
        PartnershipPriority.DrugsAndAlcohol => "Drugs and alcohol",
        PartnershipPriority.Families => "Families",
        _ => "Vulnerable people",
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveReferenceFigureCommand(new ReferenceFigureId(id)), cancellationToken);
        TempData["Success"] = "The reference figure has been removed";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Figures = await sender.Send(new ListReferenceFiguresQuery(), cancellationToken);
}
