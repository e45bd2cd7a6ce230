using CaseManager.Application.Cases;
using CaseManager.Application.Cases.AllocateCase;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Cases.ListAllocatableWorkers;
using CaseManager.Domain.Cases;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases;

/// <summary>
/// A manager allocates a case of their agency to one of its active workers (AllocateCaseCommand). The form carries
/// the version it was read at, so a change someone else saved in between is refused with a message, never
/// overwritten. Another agency's case is not found, or forbidden where it is shared with the manager's agency.
/// </summary>
public sealed class AllocateCaseModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AllocateInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public string OwnerAgency { get; private set; } = string.Empty;

    /// <summary>Who the case is allocated to now, as saved.</summary>
    public string CurrentWorker { get; private set; } = string.Empty;

    public bool IsOpen { get; private set; }

    public IReadOnlyList<SelectListItem> WorkerItems { get; private set; } = [];

    /// <summary>Each worker's roles and email, under their name, by worker id.</summary>
    public IReadOnlyDictionary<string, string> WorkerHints { get; private set; } = new Dictionary<string, string>();

    /// <summary>The case was saved by someone else after the form was read at <see cref="AllocateInput.Version"/>.</summary>
    public bool IsStale { get; private set; }

    public string CaseHref => $"/cases/{Id}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await LoadAsync(cancellationToken);
        Input.AllocatedTo = view.AllocatedTo;
        Input.Version = view.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var allocated = await sender.Send(new AllocateCaseCommand(new CaseId(Id), Input.Version, Input.AllocatedTo), cancellationToken);
        TempData["Success"] = $"Case allocated to {allocated.AllocatedToName ?? "the worker you chose"}";
        return Redirect(CaseHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var view = await LoadAsync(cancellationToken);
        IsStale = Input.Version is { } read && read != view.Version;
    }

    /// <summary>The workers first: their query is the one that refuses a case of another agency.</summary>
    private async Task<CaseView> LoadAsync(CancellationToken cancellationToken)
    {
        var workers = await sender.Send(new ListAllocatableWorkersQuery(new CaseId(Id)), cancellationToken);
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Person not shared with you";
        OwnerAgency = view.OwnerAgency;
        CurrentWorker = view.AllocatedToName ?? "nobody";
        IsOpen = view.Status != nameof(CaseStatus.Exited);
        WorkerItems = workers.Select(w => new SelectListItem(w.DisplayName, w.Id.ToString())).ToList();
        WorkerHints = workers.ToDictionary(w => w.Id.ToString(), w => $"{string.Join(" and ", w.Roles)}, {w.Email}");
        return view;
    }
}

public sealed class AllocateInput
{
    public Guid? AllocatedTo { get; set; }

    public int? Version { get; set; }
}
