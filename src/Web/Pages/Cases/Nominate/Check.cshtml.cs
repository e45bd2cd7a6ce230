using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Domain.Cases;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Nominate;

/// <summary>Check your answers, then send the nomination (NominateExitCommand).</summary>
public sealed class CheckNominationModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string PersonName { get; private set; } = string.Empty;

    public ExitDraft? Draft { get; private set; }

    public string CaseHref => $"/cases/{Id}";

    public string ChangeHref => $"{CaseHref}/exit-nomination";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Draft = ExitDraft.Peek(TempData, Id);
        if (Draft is null)
        {
            return Redirect(ChangeHref);
        }

        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Case";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Draft = ExitDraft.Peek(TempData, Id);
        if (Draft is null)
        {
            return Redirect(ChangeHref);
        }

        await sender.Send(new NominateExitCommand(new CaseId(Id), Draft.Reason, Draft.Note, Draft.Evidence), cancellationToken);
        ExitDraft.Clear(TempData);
        return Redirect($"{CaseHref}/exit-nomination/confirmation");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Case";
    }
}
