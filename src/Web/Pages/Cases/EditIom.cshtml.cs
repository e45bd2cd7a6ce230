using CaseManager.Application.Cases;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Cases.UpdateIomDetails;
using CaseManager.Domain.Cases;
using CaseManager.Web.Errors;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Pages.Cases;

/// <summary>
/// Changes an IOM case's selection and custody (UpdateIomDetailsCommand). The form carries the version it was read
/// at, so a change someone else saved in between is refused with a message, never overwritten.
/// </summary>
public sealed class EditIomModel(ISender sender, IOptions<IomOptions> iom, IValidator<UpdateIomDetailsCommand> validator) : PageModel, IReloadablePage, IIomFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EditIomInput Input { get; set; } = new();

    IomFormInput IIomFormPage.Input => Input;

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> CohortItems => iom.Value.CohortList.Select(c => new SelectListItem(c, c)).ToList();

    public IReadOnlyList<SelectListItem> TierItems => iom.Value.TierList.Select(t => new SelectListItem(t, t)).ToList();

    public IReadOnlyList<SelectListItem> FlagItems => IomFormItems.Flags;

    public string CaseHref => $"/cases/{Id}";

    /// <summary>The version now saved, when it differs from the one the form was read at.</summary>
    public bool IsStale { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Case";
        Input.Fill(view);
        Input.Version = view.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (rate, custody) = Input.Parse(ModelState, "Input");
        var command = new UpdateIomDetailsCommand(
                new CaseId(Id),
                Input.Version,
                IomFormInput.Blank(Input.Cohort),
                IomFormInput.Blank(Input.Tier),
                IomFormInput.Blank(Input.SelectionReason),
                IomFormInput.Blank(Input.SelectionScore),
                IomFormInput.Blank(Input.PanelNote),
                Input.Mappa,
                Input.Ppo,
                rate,
                custody);
        await IomFormInput.CheckAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        await sender.Send(command, cancellationToken);
        TempData["Success"] = "IOM details changed";
        return Redirect(CaseHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Case";
        IsStale = Input.Version is { } read && read != view.Version;
    }
}

public sealed class EditIomInput : IomFormInput
{
    public int? Version { get; set; }
}
