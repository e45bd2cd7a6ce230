using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Families.AddPlanAction;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Family;

/// <summary>Adds an action to a family case's plan (AddPlanActionCommand): what, for whom, whose, by when.</summary>
public sealed class AddActionModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PlanActionInput Input { get; set; } = new();

    public string? HouseholdName { get; private set; }

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ForItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> NeedItems { get; private set; } = [];

    public string PlanHref => $"/cases/{Id}/plan";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DateOnly? due = null;
        if (!Input.DueOn.TryGetDate(out due) || due is null)
        {
            ModelState.AddModelError("Input.DueOn", Input.DueOn.IsEmpty ? "Enter the date the action is due" : "The date must be a real date");
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var action = await sender.Send(new AddPlanActionCommand(new CaseId(Id), Input.Description, Input.OwnerAgency, due,
            Enum.TryParse<NeedArea>(Input.Need, out var need) ? need : null,
            Guid.TryParse(Input.ForPersonId, out var person) ? person : null), cancellationToken);
        TempData["Success"] = $"Action added: {action.Description}";
        return Redirect(PlanHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var plan = await sender.Send(new GetPlanQuery(new CaseId(Id)), cancellationToken);
        if (!plan.CanAddActions)
        {
            throw new CaseManager.Application.Common.ForbiddenAccessException("Only the owning agency or the lead professional adds actions to this plan.");
        }

        HouseholdName = plan.HouseholdName;
        var household = await sender.Send(new GetHouseholdQuery(new HouseholdId(plan.HouseholdId)), cancellationToken);
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        AgencyItems = [new SelectListItem("Select an agency", string.Empty), .. agencies.Select(a => new SelectListItem($"{a.Name} ({a.Code})", a.Code))];
        ForItems = [new SelectListItem("The whole family", string.Empty), .. household.Members.Where(m => m.To is null || m.To >= plan.CaseStartDate)
            .Select(m => new SelectListItem(m.PersonName ?? "Member", m.PersonId.ToString()))];
        NeedItems = [new SelectListItem("No particular need", string.Empty), .. FamilyWords.NeedItems()];
    }
}

public sealed class PlanActionInput
{
    public string? Description { get; set; }

    public string? OwnerAgency { get; set; }

    public string? ForPersonId { get; set; }

    public string? Need { get; set; }

    public DateParts DueOn { get; set; } = new();
}
