using CaseManager.Application.OffenceTypes;
using CaseManager.Application.OffenceTypes.ListOffenceTypes;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Admin.OffenceTypes;

/// <summary>The offence types and their unit costs of crime (DOMAIN.md IOM7: configurable reference data).</summary>
public sealed class OffenceTypesIndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<OffenceTypeView> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Types = await sender.Send(new ListOffenceTypesQuery(), cancellationToken);

    public static string Cost(OffenceTypeView type) =>
        type.UnitCost is { } cost ? "£" + cost.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture) : "Not set";
}
