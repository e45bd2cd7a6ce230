using CaseManager.Application.Families;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Domain.Cases;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Family;

/// <summary>A family case's one plan (DOMAIN.md FAM1) as a GOV.UK task list, with its CSV download.</summary>
public sealed class PlanModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public FamilyPlanView Plan { get; private set; } = null!;

    public string CaseHref => $"/cases/{Id}";

    public string Title => Plan.HouseholdName is { Length: > 0 } name ? $"{name}: family plan" : "Family plan";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plan = await sender.Send(new GetPlanQuery(new CaseId(Id)), cancellationToken);

    /// <summary>The same actions as text/csv.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var plan = await sender.Send(new GetPlanQuery(new CaseId(Id)), cancellationToken);
        return File(Csv.ToBytes(PlanCsv.Write(plan)), "text/csv; charset=utf-8", $"family-plan-{Id}.csv");
    }
}
