using CaseManager.Application.Agencies.CreateAgency;
using CaseManager.Domain.Agencies;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.Agencies;

public sealed class CreateAgencyModel(ISender sender) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var agency = await sender.Send(new CreateAgencyCommand(Input.Code ?? string.Empty, Input.Name ?? string.Empty, Input.Schemes), cancellationToken);
        TempData["Success"] = $"{agency.Name} ({agency.Code}) has been added";
        return RedirectToPage("/Admin/Agencies/Index");
    }
}

public sealed class AgencyInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public List<Scheme> Schemes { get; set; } = [];
}
