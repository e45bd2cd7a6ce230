using CaseManager.Application.Cases;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Application.TroubledFamilies.GetEligibility;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CaseManager.Web.Pages.TroubledFamilies;

/// <summary>
/// The eligibility part of a family case's page (TF1, TF4): each phase as a checklist of criteria, met or not, with
/// the records that show it and what is missing. The same query as <c>GET /api/v1/cases/{id}/eligibility</c>.
/// </summary>
public sealed class EligibilitySectionViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CaseView view)
    {
        var caseId = new CaseId(view.Id);
        var phase1 = await sender.Send(new GetEligibilityQuery(caseId, 1));
        var phase2 = await sender.Send(new GetEligibilityQuery(caseId, 2));
        return View(new EligibilitySection(view, [phase1, phase2]));
    }
}

public sealed record EligibilitySection(CaseView Case, IReadOnlyList<EligibilityView> Phases)
{
    public static string PhaseName(int phase) => phase == 1 ? "Phase 1 (2012 to 2015)" : "Phase 2 (2015 to 2020)";

    public static string KindOf(string kind) => kind switch
    {
        "Asb" => "Anti-social behaviour",
        "LocalCriterion" => "Local criterion",
        _ => kind,
    };
}
