using CaseManager.Application.Families;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Application.Families.ListAssessments;
using CaseManager.Application.Families.RecordAssessment;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Family;

/// <summary>
/// The whole-family assessment (DOMAIN.md FAM1): the latest one as recorded, the earlier ones listed, and (for whoever
/// keeps the case) the form for a new one: needs for the family and for each member over the eleven areas, strengths
/// and a summary (RecordAssessmentCommand).
/// </summary>
public sealed class AssessmentModel(ISender sender, PartnershipClock clock) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    public IReadOnlyList<FamilyAssessmentView> Assessments { get; private set; } = [];

    public string? HouseholdName { get; private set; }

    public bool CanRecord { get; private set; }

    public string CaseHref => $"/cases/{Id}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.CompletedOn = DateParts.From(clock.Today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DateOnly? on = null;
        if (!Input.CompletedOn.TryGetDate(out on) || on is null)
        {
            ModelState.AddModelError("Input.CompletedOn", Input.CompletedOn.IsEmpty ? "Enter the date the assessment was completed" : "The date must be a real date");
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        List<AssessmentNeedInput> needs =
        [
            .. Input.FamilyNeeds.Select(a => new AssessmentNeedInput(a)),
            .. Input.Members.SelectMany(m => m.Needs.Select(a => new AssessmentNeedInput(a, m.PersonId))),
        ];
        await sender.Send(new RecordAssessmentCommand(new CaseId(Id), on, Input.Summary, needs, Input.Strengths), cancellationToken);
        TempData["Success"] = "Assessment recorded";
        return Redirect($"/cases/{Id}/assessment");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Assessments = await sender.Send(new ListAssessmentsQuery(new CaseId(Id)), cancellationToken);
        var plan = await sender.Send(new GetPlanQuery(new CaseId(Id)), cancellationToken);
        HouseholdName = plan.HouseholdName;

        // Whoever adds to the plan keeps the case, so records its assessment too.
        CanRecord = plan.CanAddActions;
        if (CanRecord)
        {
            var household = await sender.Send(new GetHouseholdQuery(new HouseholdId(plan.HouseholdId)), cancellationToken);
            var posted = Input.Members.ToDictionary(m => m.PersonId, m => m.Needs);
            Input.Members = [.. household.Members.Where(m => m.To is null || m.To >= clock.Today)
                .Select(m => new MemberNeedsInput { PersonId = m.PersonId, Name = m.PersonName ?? "Member", Needs = posted.GetValueOrDefault(m.PersonId) ?? [] })];
        }
    }
}

public sealed class AssessmentInput
{
    public DateParts CompletedOn { get; set; } = new();

    public string? Summary { get; set; }

    public string? Strengths { get; set; }

    public List<NeedArea> FamilyNeeds { get; set; } = [];

    public List<MemberNeedsInput> Members { get; set; } = [];
}

public sealed class MemberNeedsInput
{
    public Guid PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    public List<NeedArea> Needs { get; set; } = [];
}
