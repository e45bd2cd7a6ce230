using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Common;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Outcomes.RecordLocalCriterion;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using CaseManager.Web.Pages.People.Outcomes;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Pages.Cases.Family;

/// <summary>
/// Records, with its evidence, that a family meets one of the partnership's local discretion criteria (DOMAIN.md TF1
/// (d)): RecordLocalCriterionCommand, the command of <c>POST /api/v1/cases/{id}/local-criteria</c>. The criteria are
/// the configured list (<c>TroubledFamilies:LocalCriteria</c>); the member is optional (the whole family otherwise)
/// and must be a member on the day. Every error on the form is listed at once.
/// </summary>
public sealed class RecordLocalCriterionModel(ISender sender, IValidator<RecordLocalCriterionCommand> validator, IOptions<TroubledFamiliesOptions> options)
    : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public LocalCriterionInput Input { get; set; } = new();

    public string? HouseholdName { get; private set; }

    public IReadOnlyList<SelectListItem> CriterionItems { get; } =
        options.Value.LocalCriteria.Select(c => new SelectListItem(OutcomeWords.Criterion(c), c)).ToList();

    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];

    public string CaseHref => $"/cases/{Id}";

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.On.TryGetDate(out var on))
        {
            ModelState.AddModelError("Input.On", "The date must be a real date");
        }

        PersonId? member = null;
        if (!string.IsNullOrEmpty(Input.PersonId))
        {
            if (Guid.TryParse(Input.PersonId, out var personId))
            {
                member = new PersonId(personId);
            }
            else
            {
                ModelState.AddModelError("Input.PersonId", "Select a member of the household from the list");
            }
        }

        var command = new RecordLocalCriterionCommand(new CaseId(Id), string.IsNullOrEmpty(Input.Criterion) ? null : Input.Criterion,
            string.IsNullOrWhiteSpace(Input.Evidence) ? null : Input.Evidence.Trim(), member, on);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var record = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"Local criterion recorded: {OutcomeWords.Criterion(record.Criterion)}";
        return Redirect(CaseHref + "#eligibility");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        if (view.HouseholdId is not { } householdId)
        {
            throw NotFoundException.For("Family case", Id);
        }

        var household = await sender.Send(new GetHouseholdQuery(new HouseholdId(householdId)), cancellationToken);
        HouseholdName = household.Name;

        // Only members the reader may see are offered (a hidden member has no name), and only while the case runs.
        MemberItems = [new SelectListItem("The whole family", string.Empty), .. household.Members
            .Where(m => m.PersonName is not null && (m.To is null || m.To >= view.StartDate))
            .DistinctBy(m => m.PersonId)
            .Select(m => new SelectListItem(m.PersonName!, m.PersonId.ToString()))];
    }
}

public sealed class LocalCriterionInput
{
    public string? Criterion { get; set; }

    public string? PersonId { get; set; }

    public DateParts On { get; set; } = new();

    public string? Evidence { get; set; }
}
