using System.Globalization;
using CaseManager.Application.ReferenceFigures.RecordReferenceFigure;
using CaseManager.Domain.Reporting;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.ReferenceFigures;

/// <summary>Records a reference figure (RecordReferenceFigureCommand): the API's rules, with form errors.</summary>
public sealed class RecordReferenceFigureModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty]
    public ReferenceFigureInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> PriorityItems { get; } =
        [new("Select a priority", string.Empty), .. Enum.GetValues<PartnershipPriority>().Select(p => new SelectListItem(ReferenceFiguresIndexModel.PriorityName(p), p.ToString()))];

    public IReadOnlyList<SelectListItem> UnitItems { get; } =
        [new("Percentage", nameof(ReferenceUnit.Percent)), new("Pounds", nameof(ReferenceUnit.Pounds)), new("Number", nameof(ReferenceUnit.Count))];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Input.Value))
        {
            var text = Input.Value.Trim().TrimStart('£').TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal);
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.Value", "The figure must be a number, like 17.8 or 439529");
            }
        }

        if (!Input.On.TryGetDate(out var on))
        {
            ModelState.AddModelError("Input.On", "The date must be a real date");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var recorded = await sender.Send(new RecordReferenceFigureCommand(Input.Code, Input.Priority, Input.Label, value, Input.Unit, on, Input.Source), cancellationToken);
        TempData["Success"] = $"‘{recorded.Label}’ for {LocalTime.Date(recorded.On)} has been recorded";
        return RedirectToPage("/Admin/ReferenceFigures/Index");
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class ReferenceFigureInput
{
    public PartnershipPriority? Priority { get; set; }

    public string? Code { get; set; }

    public string? Label { get; set; }

    public ReferenceUnit? Unit { get; set; }

    public string? Value { get; set; }

    public DateParts On { get; set; } = new();

    public string? Source { get; set; }
}
