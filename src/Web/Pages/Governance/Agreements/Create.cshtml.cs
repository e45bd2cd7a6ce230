using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.Agreements;

public sealed class CreateAgreementModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.ValidFrom.TryGetDate(out var validFrom))
        {
            ModelState.AddModelError("Input.ValidFrom", "The start date must be a real date");
        }

        if (!Input.ValidTo.TryGetDate(out var validTo))
        {
            ModelState.AddModelError("Input.ValidTo", "The end date must be a real date");
        }

        if (Input.ConsentRequired is null)
        {
            ModelState.AddModelError("Input.ConsentRequired", "Say whether sharing needs the person's consent");
        }

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var agreement = await sender.Send(
            new CreateSharingAgreementCommand(
                Input.Name ?? string.Empty,
                Input.Agencies,
                Input.DataCategories,
                Input.Purposes,
                Input.LawfulBasis.OrUnselected(),
                string.IsNullOrWhiteSpace(Input.SpecialCategoryCondition) ? null : Input.SpecialCategoryCondition,
                string.IsNullOrWhiteSpace(Input.Gateway) ? null : Input.Gateway,
                Input.ConsentRequired!.Value,
                validFrom,
                validTo),
            cancellationToken);
        TempData["Success"] = $"‘{agreement.Name}’ has been created";
        return RedirectToPage("/Governance/Agreements/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        AgencyItems = agencies.Select(a => new SelectListItem(a.Name, a.Code)).ToList();
    }
}

/// <summary>The agreement form's answers, kept as typed so that they are shown again after an error.</summary>
public sealed class AgreementInput
{
    public string? Name { get; set; }

    public List<string> Agencies { get; set; } = [];

    public List<DataCategory> DataCategories { get; set; } = [];

    public List<Scheme> Purposes { get; set; } = [];

    public LawfulBasis? LawfulBasis { get; set; }

    public string? SpecialCategoryCondition { get; set; }

    public string? Gateway { get; set; }

    public bool? ConsentRequired { get; set; }

    public DateParts ValidFrom { get; set; } = new();

    public DateParts ValidTo { get; set; } = new();
}
