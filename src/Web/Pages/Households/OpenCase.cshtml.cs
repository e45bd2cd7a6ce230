using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Households.ListLeadProfessionals;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>
/// Enrols a household in a family scheme (OpenCaseCommand with a household, DOMAIN.md FAM1, FAM3): FIT, High Impact
/// Household or Troubled Families, as the caller's agency takes part, naming the lead professional. A household may
/// be in several schemes at once, each once.
/// </summary>
public sealed class OpenFamilyCaseModel(ISender sender, ICurrentUser currentUser, IValidator<OpenCaseCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public OpenFamilyCaseInput Input { get; set; } = new();

    public string HouseholdName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> SchemeItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> LeadItems { get; private set; } = [];

    public string Href => HouseholdWords.Href(Id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.LeadProfessional ??= currentUser.Actor.UserId?.ToString();
        if (SchemeItems.Count == 1)
        {
            Input.Scheme = SchemeItems[0].Value;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.StartDate.TryGetDate(out var startDate))
        {
            ModelState.AddModelError("Input.StartDate", "The start date must be a real date");
        }

        Scheme? scheme = Enum.TryParse<Scheme>(Input.Scheme, out var parsed) && FamilySchemes.Contains(parsed) ? parsed : null;
        if (!Guid.TryParse(Input.LeadProfessional, out var lead))
        {
            ModelState.AddModelError("Input.LeadProfessional", "Select the lead professional");
        }

        var command = new OpenCaseCommand(scheme, default, startDate, HouseholdId: new HouseholdId(Id), LeadProfessional: lead == Guid.Empty ? null : lead);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var opened = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"The household has been enrolled in {SchemeNames.Of<Scheme>(opened.Scheme)}";
        return Redirect($"/cases/{opened.Id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var household = await sender.Send(new GetHouseholdQuery(new HouseholdId(Id)), cancellationToken);
        HouseholdName = HouseholdWords.Name(household.Name);
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        var mine = agencies.SingleOrDefault(a => a.Code == currentUser.Actor.Agency?.Value);
        SchemeItems = [.. (mine?.Schemes ?? []).Where(FamilySchemes.Contains).Select(s => new SelectListItem(SchemeNames.Of(s), s.ToString()))];
        var leads = await sender.Send(new ListLeadProfessionalsQuery(), cancellationToken);
        LeadItems = [new SelectListItem("Select the lead professional", string.Empty), .. leads.Select(l => new SelectListItem(l.DisplayName, l.Id.ToString()))];
    }
}

public sealed class OpenFamilyCaseInput
{
    public string? Scheme { get; set; }

    public string? LeadProfessional { get; set; }

    public DateParts StartDate { get; set; } = new();
}
