using CaseManager.Application.Sharing.ListSharingRightDerivations;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin;

public sealed class AdminIndexModel(ISender sender) : PageModel
{
    /// <summary>How far sharing rights have been worked out after an agency's schemes or an agreement changed (ADR 0026).</summary>
    public SharingRightDerivationsView Derivations { get; private set; } = new(false, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Derivations = await sender.Send(new ListSharingRightDerivationsQuery(), cancellationToken);
}
