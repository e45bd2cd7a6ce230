using CaseManager.Application.Households.RecordHousehold;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>Records a household owned by the caller's agency (RecordHouseholdCommand, DOMAIN.md FAM2); members are added next.</summary>
public sealed class CreateHouseholdModel(ISender sender) : PageModel
{
    [BindProperty]
    public RecordHouseholdInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var household = await sender.Send(new RecordHouseholdCommand(Blank(Input.Name), Blank(Input.Address)), cancellationToken);
        TempData["Success"] = $"{HouseholdWords.Name(household.Name)} has been recorded. Add its members.";
        return Redirect(HouseholdWords.Href(household.Id));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class RecordHouseholdInput
{
    public string? Name { get; set; }

    public string? Address { get; set; }
}
