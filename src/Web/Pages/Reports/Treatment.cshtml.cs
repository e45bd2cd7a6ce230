using System.Globalization;
using CaseManager.Application.Reports.TreatmentExport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Web.Export;
using CaseManager.Web.TagHelpers;
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
    /// <summary>The day and the period, as GOV.UK date inputs (<c>Input.AsOf.Day</c> and so on) in a GET form.</summary>
    [BindProperty(SupportsGet = true)]
    public TreatmentPeriodInput Input { get; set; } = new();

    /// <summary>Null while the chosen dates have errors: the error summary is shown instead.</summary>
    public TreatmentReportView? Report { get; private set; }

    /// <summary>The shares charted, each as a bar of 0–100%.</summary>
    public IReadOnlyList<ChartBar> Shares { get; private set; } = [];

    public string DownloadHref => Report is null ? "#" : $"/reports/treatment?handler=Download&from={Day(Report.From)}&to={Day(Report.To)}";

    public string Period => Report is null ? string.Empty : $"{LocalTime.Date(Report.From)} to {LocalTime.Date(Report.To)}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadPeriod(out var asOf, out var from, out var to))
        {
            return;
        }

        var report = await sender.Send(new TreatmentReportQuery(asOf, from, to), cancellationToken);
        Report = report;
        Input.AsOf = DateParts.From(report.AsOf);
        Input.From = DateParts.From(report.From);
        Input.To = DateParts.From(report.To);
        Shares =
        [
            new("Opiate clients on long-term substitute medication", report.LongTermSubstitute.Percent, $"{report.LongTermSubstitute.OnLongTermSubstitute} of {report.LongTermSubstitute.OpiateClients}"),
            new("Discharges that were successful completions", report.Completions.Percent, $"{report.Completions.Successful} of {report.Completions.Discharges}"),
            new("Successful completions that re-presented", report.Representations.Percent, $"{report.Representations.Represented} of {report.Representations.Known}"),
            new("Young people's referrals that were re-referrals", report.YoungPeopleRereferred.Percent, $"{report.YoungPeopleRereferred.Rereferred} of {report.YoungPeopleRereferred.Referrals}"),
        ];
    }

    /// <summary>The download takes the period as ISO dates (the page's link), as the API does.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var export = await sender.Send(new TreatmentExportQuery(from, to), cancellationToken);
        return new TreatmentCsvResult(export, $"treatment-episodes-{Day(export.From)}-to-{Day(export.To)}.csv");
    }

    private bool ReadPeriod(out DateOnly? asOf, out DateOnly? from, out DateOnly? to)
    {
        if (!Input.AsOf.TryGetDate(out asOf))
        {
            ModelState.AddModelError("Input.AsOf", "The day for people in treatment must be a real date");
        }

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

        return ModelState.IsValid;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class TreatmentPeriodInput
{
    public DateParts AsOf { get; set; } = new();

    public DateParts From { get; set; } = new();

    public DateParts To { get; set; } = new();
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
