using CaseManager.Application.Common;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Families;
using CaseManager.Application.Families.CompletePlanAction;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Family;

/// <summary>Marks a plan action done (CompletePlanActionCommand), sending the version read so a concurrent change is told.</summary>
public sealed class CompleteActionModel(ISender sender, PartnershipClock clock) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ActionId { get; set; }

    [BindProperty]
    public CompleteActionInput Input { get; set; } = new();

    public PlanActionView Action { get; private set; } = null!;

    public string PlanHref => $"/cases/{Id}/plan";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.CompletedOn = DateParts.From(clock.Today);
        Input.Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DateOnly? on = null;
        if (!Input.CompletedOn.TryGetDate(out on) || on is null)
        {
            ModelState.AddModelError("Input.CompletedOn", Input.CompletedOn.IsEmpty ? "Enter the date the action was done" : "The date must be a real date");
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var done = await sender.Send(new CompletePlanActionCommand(new CaseId(Id), new FamilyPlanActionId(ActionId), on, Input.Note, Input.Version), cancellationToken);
        TempData["Success"] = $"Action done: {done.Description}";
        return Redirect(PlanHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var plan = await sender.Send(new GetPlanQuery(new CaseId(Id)), cancellationToken);
        Action = plan.Actions.SingleOrDefault(a => a.Id == ActionId) ?? throw NotFoundException.For("FamilyPlanAction", ActionId);
        if (!Action.CanComplete)
        {
            throw new ForbiddenAccessException($"Only {Action.OwnerAgency}, whose action it is, or whoever keeps the family plan marks it done.");
        }
    }
}

public sealed class CompleteActionInput
{
    public DateParts CompletedOn { get; set; } = new();

    public string? Note { get; set; }

    public int? Version { get; set; }
}
