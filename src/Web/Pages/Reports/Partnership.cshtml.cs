using System.Globalization;
using System.Text.Json;
using CaseManager.Application.Reports.PartnershipReport;
using CaseManager.Web.Export;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Reports;

/// <summary>
/// The partnership report (PartnershipReportQuery) for a period: a section per priority with its figures, a chart
/// beside each breakdown (drawn from the same figures as its table), reference figures with their sources, a
/// printable layout and the same figures as CSV.
/// </summary>
public sealed class PartnershipReportModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PeriodInput Input { get; set; } = new();

    public PartnershipReportView? Report { get; private set; }

    public string Period => Report is null ? string.Empty : $"{LocalTime.Date(Report.From)} to {LocalTime.Date(Report.To)}";

    public string DownloadHref => Report is null ? "#" : $"/reports/partnership?handler=Download&from={Day(Report.From)}&to={Day(Report.To)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ReadPeriod(out var from, out var to))
        {
            Report = await sender.Send(new PartnershipReportQuery(from, to), cancellationToken);
            Input.From = DateParts.From(Report.From);
            Input.To = DateParts.From(Report.To);
        }
    }

    /// <summary>The download takes the period as ISO dates (the page's link), as the API does.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var report = await sender.Send(new PartnershipReportQuery(from, to), cancellationToken);
        var csv = Csv.Write(PartnershipCsv.Header, PartnershipCsv.Rows(report));
        return File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"partnership-report-{Day(report.From)}-to-{Day(report.To)}.csv");
    }

    public string Shown(ReportFigure figure) => PartnershipCsv.Shown(figure, Report!.SuppressBelow);

    /// <summary>A breakdown's figures as JSON for the chart script: suppressed points are left out of the bars, not drawn as zero.</summary>
    public static string ChartData(ReportSeries series) => JsonSerializer.Serialize(new
    {
        label = series.Label,
        labels = series.Points.Select(p => p.Label).ToArray(),
        values = series.Points.Select(p => p.Value).ToArray(),
    });

    private bool ReadPeriod(out DateOnly? from, out DateOnly? to)
    {
        if (!Input.From.TryGetDate(out from))
        {
            ModelState.AddModelError("Input.From", "The start of the period must be a real date");
        }

        if (!Input.To.TryGetDate(out to))
        {
            ModelState.AddModelError("Input.To", "The end of the period must be a real date");
        }

        if (from is { } start && to is { } end && end < start)
        {
            ModelState.AddModelError("Input.To", "The period must end on or after it starts");
        }

        if (from is { } first && to is { } last && last.DayNumber - first.DayNumber > 3660)
        {
            ModelState.AddModelError("Input.To", "The period can be at most ten years");
        }

        return ModelState.IsValid;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class PeriodInput
{
    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();
}
