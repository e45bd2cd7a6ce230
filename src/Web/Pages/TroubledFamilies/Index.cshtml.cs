using CaseManager.Application.Common.Paging;
using CaseManager.Application.TroubledFamilies.ExportTroubledFamilies;
using CaseManager.Application.TroubledFamilies.ListTroubledFamilies;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.TroubledFamilies;

/// <summary>The coordinator's list (ListTroubledFamiliesQuery): attached families and households that look eligible, in a phase as at a day.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public TroubledFamiliesPage List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        List = await sender.Send(new ListTroubledFamiliesQuery(Phase, AsOf, PageNumber < 1 ? 1 : PageNumber), cancellationToken);

    /// <summary>The whole list as CSV (ExportTroubledFamiliesQuery), in the phase and as at the day shown.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var list = await sender.Send(new ExportTroubledFamiliesQuery(Phase, AsOf), cancellationToken);
        return File(Csv.ToBytes(TroubledFamiliesCsv.Write(list)), "text/csv; charset=utf-8", TroubledFamiliesCsv.FileName(list));
    }

    public string ExportLink =>
        $"/troubled-families?handler=Export&phase={List.Phase}&asOf={List.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    public Pagination Pages => Pagination.For(new Paged<TroubledFamilyItem>(List.Items, List.Page, List.PageSize, List.Total), "Troubled Families",
        p => $"/troubled-families?phase={List.Phase}&asOf={List.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}&page={p}");

    public static string Criteria(TroubledFamilyItem item) =>
        item.CriteriaMet.Count == 0 ? "None" : string.Join(", ", item.CriteriaMet.Select(Domain.TroubledFamilies.EligibilityEngine.Name));
}
