using System.Globalization;
using CaseManager.Application.Reports.TreatmentExport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Reports;

/// <summary>
/// The treatment measures (TreatmentReportQuery, DOMAIN.md DT4) as bar charts drawn in SVG from the same figures as
/// the tables beside them, and the NDTMS-like episode extract (TreatmentExportQuery) as a CSV download.
/// </summary>
public sealed class TreatmentReportModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public TreatmentReportView Report { get; private set; } = null!;

    /// <summary>The shares charted, each as a bar of 0–100%.</summary>
    public IReadOnlyList<ChartBar> Shares { get; private set; } = [];

    public string DownloadHref => $"/reports/treatment?handler=Download&from={Day(Report.From)}&to={Day(Report.To)}";

    public string Period => $"{LocalTime.Date(Report.From)} to {LocalTime.Date(Report.To)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await sender.Send(new TreatmentReportQuery(AsOf, From, To), cancellationToken);
        Shares =
        [
            new("Opiate clients on long-term substitute medication", Report.LongTermSubstitute.Percent, $"{Report.LongTermSubstitute.OnLongTermSubstitute} of {Report.LongTermSubstitute.OpiateClients}"),
            new("Discharges that were successful completions", Report.Completions.Percent, $"{Report.Completions.Successful} of {Report.Completions.Discharges}"),
            new("Successful completions that re-presented", Report.Representations.Percent, $"{Report.Representations.Represented} of {Report.Representations.SuccessfulDischarges}"),
        ];
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var export = await sender.Send(new TreatmentExportQuery(From, To), cancellationToken);
        return new TreatmentCsvResult(export, $"treatment-episodes-{Day(export.From)}-to-{Day(export.To)}.csv");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One bar: a label, its share (null when there is nothing to divide) and the count behind it.</summary>
public sealed record ChartBar(string Label, double? Percent, string Detail)
{
    /// <summary>The bar's width in the chart's 0–300 units.</summary>
    public string Width => ((Percent ?? 0) * 3).ToString("0.#", CultureInfo.InvariantCulture);

    public string Text => Percent is { } percent ? percent.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "No figures";
}

/// <summary>Streams the extract to the response as the query reads it.</summary>
public sealed class TreatmentCsvResult(TreatmentExport export, string fileName) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await TreatmentCsv.WriteAsync(response.Body, export, context.HttpContext.RequestAborted);
    }
}
