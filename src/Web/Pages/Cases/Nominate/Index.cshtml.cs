using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Web.Errors;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Nominate;

/// <summary>
/// The first step of an exit nomination (DOMAIN.md IOM6): reason, note and evidence. The answers are checked with
/// the command's own validator, kept as a draft, and sent only from check-your-answers.
/// </summary>
public sealed class NominateExitModel(ISender sender, IValidator<NominateExitCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public NominationInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> ReasonItems { get; private set; } = [];

    public string CaseHref => $"/cases/{Id}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (ExitDraft.Peek(TempData, Id) is { } draft)
        {
            Input = new NominationInput { Reason = draft.Reason, Note = draft.Note, Evidence = draft.Evidence };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new NominateExitCommand(new CaseId(Id), Input.Reason, Blank(Input.Note), Blank(Input.Evidence));
        var result = await validator.ValidateAsync(command, cancellationToken);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError(PageExceptionFilter.PageField(failure.PropertyName), failure.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        new ExitDraft(Id, command.Reason, command.Note, command.Evidence).Keep(TempData);
        return Redirect($"{CaseHref}/exit-nomination/check");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Case";
        ReasonItems = CaseWords.ExitReasonItems(Enum.Parse<Scheme>(view.Scheme)).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class NominationInput
{
    public ExitReason? Reason { get; set; }

    public string? Note { get; set; }

    public string? Evidence { get; set; }
}
