using System.Globalization;
using CaseManager.Application.OffenceTypes.ListOffenceTypes;
using CaseManager.Application.OffenceTypes.SaveOffenceType;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.OffenceTypes;

/// <summary>Adds an offence type, or changes one's name and unit cost (SaveOffenceTypeCommand, with the version read).</summary>
public sealed class SaveOffenceTypeModel(ISender sender) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public OffenceTypeInput Input { get; set; } = new();

    public bool IsNew => string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            return Page();
        }

        var types = await sender.Send(new ListOffenceTypesQuery(), cancellationToken);
        var type = types.SingleOrDefault(t => t.Code == Code);
        if (type is null)
        {
            return NotFound();
        }

        Input = new OffenceTypeInput
        {
            Name = type.Name,
            UnitCost = type.UnitCost?.ToString("0.##", CultureInfo.InvariantCulture),
            PriceYear = type.PriceYear?.ToString(CultureInfo.InvariantCulture),
            Version = type.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = IsNew ? Input.Code?.Trim() : Code;
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError("Input.Code", "Enter a code, for example Burglary");
        }
        else if (IsNew && (await sender.Send(new ListOffenceTypesQuery(), cancellationToken)).Any(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Code", "An offence type with this code already exists: change that one instead");
        }

        decimal? cost = null;
        if (!string.IsNullOrWhiteSpace(Input.UnitCost))
        {
            if (decimal.TryParse(Input.UnitCost.Trim().TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                cost = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.UnitCost", "The unit cost must be an amount in pounds, like 3268 or 3268.50");
            }
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(Input.PriceYear))
        {
            if (int.TryParse(Input.PriceYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear))
            {
                year = parsedYear;
            }
            else
            {
                ModelState.AddModelError("Input.PriceYear", "The price year must be a year, like 2003");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await sender.Send(new SaveOffenceTypeCommand(code!, Input.Name?.Trim(), cost, year, IsNew ? null : Input.Version), cancellationToken);
        TempData["Success"] = IsNew ? $"‘{saved.Name}’ has been added" : $"‘{saved.Name}’ has been changed";
        return RedirectToPage("/Admin/OffenceTypes/Index");
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class OffenceTypeInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? UnitCost { get; set; }

    public string? PriceYear { get; set; }

    public int? Version { get; set; }
}
