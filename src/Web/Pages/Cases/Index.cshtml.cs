using System.Globalization;
using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Pages.Cases;

/// <summary>The caseload: the cases the reader may see, filtered and sorted on the server (ListCasesQuery), with a CSV of the same list.</summary>
public sealed class CaseloadModel(ISender sender, ICurrentUser currentUser, LocalTime time, IOptions<IomOptions> iom) : PageModel
{
    private const int PageSize = 25;
    private const int ExportPageSize = 200;

    private static readonly string[] CsvHeader =
        ["Case id", "Person", "Scheme", "Status", "Owner agency", "Allocated to", "Cohort", "Tier", "Start date", "Exited on", "Last contact", "Next review due", "Flags"];

    [BindProperty(SupportsGet = true)]
    public CaseloadFilter Filter { get; set; } = new();

    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];

    public string Caption { get; private set; } = string.Empty;

    public Pagination? Pages { get; private set; }

    public IReadOnlyList<SelectListItem> SchemeItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StatusItems { get; } =
        [new("Open (active or exit nominated)", string.Empty), new("Active", nameof(CaseStatus.Active)), new("Exit nominated", nameof(CaseStatus.ExitNominated)), new("Exited", nameof(CaseStatus.Exited)), new("All", "All")];

    public IReadOnlyList<SelectListItem> CohortItems => [new("Any cohort", string.Empty), .. iom.Value.CohortList.Select(c => new SelectListItem(c, c))];

    public IReadOnlyList<SelectListItem> TierItems => [new("Any tier", string.Empty), .. iom.Value.TierList.Select(t => new SelectListItem(t, t))];

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public bool IsManager => Policies.Allows(Policies.ManageCases, currentUser.Actor);

    public IReadOnlyList<SortColumn> SortColumns { get; private set; } = [];

    public string DownloadHref => Href(new() { ["handler"] = "Download", ["page"] = null });

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
        SchemeItems = [new("All schemes", string.Empty), .. Enum.GetValues<Scheme>().Select(s => new SelectListItem(SchemeNames.Of(s), s.ToString()))];
        AgencyItems = [new("All agencies", string.Empty), .. agencies.Select(a => new SelectListItem(a.Name, a.Code))];
        SortColumns =
        [
            SortLink("Start date", CaseSort.StartDate),
            SortLink("Last contact", CaseSort.LastContact),
            SortLink("Next review", CaseSort.NextReviewDue),
        ];

        if (Filter.Status == "All" || Filter.Status is null || Enum.TryParse<CaseStatus>(Filter.Status, out _))
        {
            var page = await sender.Send(Query(Math.Max(pageNumber, 1), PageSize), cancellationToken);
            Rows = page.Items.Select(ToRow).ToList();
            Caption = page.Total == 1 ? "1 case" : $"{page.Total} cases";
            Pages = Pagination.For(page, "Pages of cases", p => Href(new() { ["page"] = p.ToString(CultureInfo.InvariantCulture) }));
            return;
        }

        ModelState.AddModelError("Filter.Status", "Select a status from the list");
    }

    /// <summary>The whole filtered list (every page), as CSV.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<CaseListItem>();
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await sender.Send(Query(pageNumber, ExportPageSize), cancellationToken);
            rows.AddRange(page.Items);
            if (pageNumber >= page.TotalPages)
            {
                break;
            }
        }

        var csv = Csv.Write(CsvHeader, rows.Select(c => new[]
        {
            c.Id.ToString(),
            c.PersonName ?? "Not shared with you",
            SchemeNames.Of<Scheme>(c.Scheme),
            CaseWords.Status(c.Status),
            c.OwnerAgency,
            c.AllocatedToName,
            c.Cohort,
            c.Tier,
            c.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.ExitedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.LastContact is { } contact ? time.Iso(contact) : null,
            c.NextReviewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Join("; ", c.Flags.Select(f => CaseWords.Flag(f).Text)),
        }));
        return File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"caseload-{time.Today:yyyy-MM-dd}.csv");
    }

    private ListCasesQuery Query(int page, int pageSize)
    {
        var status = Filter.Status switch
        {
            null or "" or "All" => (CaseStatus?)null,
            var s => Enum.TryParse<CaseStatus>(s, out var parsed) ? parsed : null,
        };
        return new ListCasesQuery(
            Filter.Scheme,
            status,
            Filter.Mine,
            null,
            string.IsNullOrEmpty(Filter.Owner) ? null : Filter.Owner,
            string.IsNullOrEmpty(Filter.Cohort) ? null : Filter.Cohort,
            string.IsNullOrEmpty(Filter.Tier) ? null : Filter.Tier,
            Filter.Sort ?? CaseSort.StartDate,
            !string.Equals(Filter.Order, "asc", StringComparison.OrdinalIgnoreCase),
            page,
            pageSize)
        {
            OpenOnly = string.IsNullOrEmpty(Filter.Status),
        };
    }

    private SortColumn SortLink(string label, CaseSort sort)
    {
        var current = (Filter.Sort ?? CaseSort.StartDate) == sort;
        var descending = !string.Equals(Filter.Order, "asc", StringComparison.OrdinalIgnoreCase);
        var nextOrder = current && descending ? "asc" : "desc";
        return new SortColumn(
            label,
            Href(new() { ["Filter.Sort"] = sort.ToString(), ["Filter.Order"] = nextOrder, ["page"] = null }),
            current ? (descending ? "descending" : "ascending") : "none");
    }

    /// <summary>This page's address with the current filters, some of them replaced (null removes one).</summary>
    private string Href(Dictionary<string, string?> changes)
    {
        var values = Request.Query
            .Where(p => !changes.ContainsKey(p.Key) && p.Key != "handler")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Concat(changes.Where(c => c.Value is not null))
            .Where(p => !string.IsNullOrEmpty(p.Value));
        return "/cases" + QueryString.Create(values);
    }

    private CaseloadRow ToRow(CaseListItem item) => new(
        $"/cases/{item.Id}",
        item.PersonName ?? "Person not shared with you",
        SchemeNames.Of<Scheme>(item.Scheme),
        CaseWords.Status(item.Status),
        CaseWords.StatusTagClass(item.Status),
        item.OwnerAgency,
        item.AllocatedToName ?? "Not allocated",
        CaseWords.CohortAndTier(item.Cohort, item.Tier) ?? string.Empty,
        LocalTime.Date(item.StartDate),
        item.LastContact is { } contact ? time.DateOf(contact) : "None",
        LocalTime.Date(item.NextReviewDue) ?? "None",
        item.Flags.Select(CaseWords.Flag).ToList());
}

/// <summary>The caseload's filters and sort, from the query string.</summary>
public sealed class CaseloadFilter
{
    public Scheme? Scheme { get; set; }

    /// <summary>Empty: open cases; "All"; or a <see cref="CaseStatus"/> name.</summary>
    public string? Status { get; set; }

    public string? Cohort { get; set; }

    public string? Tier { get; set; }

    public string? Owner { get; set; }

    public bool Mine { get; set; }

    public CaseSort? Sort { get; set; }

    public string? Order { get; set; }
}

public sealed record SortColumn(string Label, string Href, string AriaSort);

public sealed record CaseloadRow(
    string Href,
    string Person,
    string Scheme,
    string Status,
    string StatusTagClass,
    string Owner,
    string AllocatedTo,
    string CohortAndTier,
    string StartDate,
    string LastContact,
    string NextReview,
    IReadOnlyList<(string Text, string TagClass)> Flags);
