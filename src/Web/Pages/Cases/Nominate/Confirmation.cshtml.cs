using CaseManager.Application.Cases;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Nominate;

public sealed class NominationConfirmationModel(ISender sender) : PageModel
{
    public CaseView Case { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Case = await sender.Send(new GetCaseQuery(new CaseId(id)), cancellationToken);
}
