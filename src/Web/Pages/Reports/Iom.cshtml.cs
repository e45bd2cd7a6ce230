using System.Globalization;
using System.Text.Json;
using CaseManager.Application.Reports.IomReport;
using CaseManager.Web.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Reports;

/// <summary>The IOM measures (IomReportQuery, DOMAIN.md IOM7) as tables, a bar chart drawn from the same figures, and CSV.</summary>
public sealed class IomReportModel(ISender sender) : PageModel
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public IomReportView Report { get; private set; } = null!;

    public string AsOf => LocalTime.Date(Report.AsOf);

    /// <summary>"at 2003 prices", or several years when the unit-cost table mixes them.</summary>
    public string PriceYears => Report.PriceYears.Count switch
    {
        0 => "no unit costs are set",
        1 => $"at {Report.PriceYears[0]} prices",
        _ => $"at the price year of each offence type ({string.Join(", ", Report.PriceYears)})",
    };

    /// <summary>The chart's figures as JSON for the chart script; the offending table shows the same numbers.</summary>
    public string ChartData => JsonSerializer.Serialize(new
    {
        labels = Report.Offending.Select(r => r.Cohort).Append(Report.Total.Cohort).ToArray(),
        before = Report.Offending.Select(r => r.RateBefore).Append(Report.Total.RateBefore).ToArray(),
        since = Report.Offending.Select(r => r.RateSince).Append(Report.Total.RateSince).ToArray(),
    });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await sender.Send(new IomReportQuery(), cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        Report = await sender.Send(new IomReportQuery(), cancellationToken);
        var rows = new List<string?[]>();
        rows.AddRange(Report.CohortSize.Select(c => Row("Cohort size", c.Cohort, c.Tier ?? "No tier", "People", c.People.ToString(English))));
        foreach (var r in Report.Offending.Append(Report.Total))
        {
            rows.Add(Row("Offending", r.Cohort, null, "People", r.People.ToString(English)));
            rows.Add(Row("Offending", r.Cohort, null, "Offences in the 12 months before entry", r.OffencesBefore.ToString(English)));
            rows.Add(Row("Offending", r.Cohort, null, "Person-years before entry", r.PersonYearsBefore.ToString(English)));
            rows.Add(Row("Offending", r.Cohort, null, "Offences per person-year before entry", r.RateBefore.ToString(English)));
            rows.Add(Row("Offending", r.Cohort, null, "Offences since entry", r.OffencesSince.ToString(English)));
            rows.Add(Row("Offending", r.Cohort, null, "Person-years since entry", r.PersonYearsSince.ToString(English)));
            rows.Add(Row("Offending", r.Cohort, null, "Offences per person-year since entry", r.RateSince.ToString(English)));
            rows.Add(Row("Cost of crime", r.Cohort, null, $"Cost before entry ({PriceYears})", r.CostBefore.ToString("0.00", English)));
            rows.Add(Row("Cost of crime", r.Cohort, null, $"Cost since entry ({PriceYears})", r.CostSince.ToString("0.00", English)));
            rows.Add(Row("Cost of crime", r.Cohort, null, "Cost per person-year before entry", r.CostPerPersonYearBefore.ToString("0", English)));
            rows.Add(Row("Cost of crime", r.Cohort, null, "Cost per person-year since entry", r.CostPerPersonYearSince.ToString("0", English)));
        }

        rows.Add(Row("Re-offending", null, null, "People with a predicted rate and a full year on IOM", Report.Predicted.People.ToString(English)));
        rows.Add(Row("Re-offending", null, null, "Predicted re-offending (%)", Report.Predicted.PredictedPercent?.ToString(English)));
        rows.Add(Row("Re-offending", null, null, "Actual re-offending in the first year (%)", Report.Predicted.ActualPercent?.ToString(English)));
        rows.Add(Row("Exit decisions", null, null, "Decided", Report.ExitDecisions.Decided.ToString(English)));
        rows.Add(Row("Exit decisions", null, null, "Approved", Report.ExitDecisions.Approved.ToString(English)));
        rows.Add(Row("Exit decisions", null, null, "Rejected", Report.ExitDecisions.Rejected.ToString(English)));
        rows.Add(Row("Exit decisions", null, null, "Waiting for a decision", Report.ExitDecisions.Pending.ToString(English)));
        rows.Add(Row("Exit decisions", null, null, "Median days to decide", Report.ExitDecisions.MedianDays?.ToString(English)));
        rows.Add(Row("Exit decisions", null, null, "Mean days to decide", Report.ExitDecisions.MeanDays?.ToString(English)));
        var csv = Csv.Write(["Measure", "Cohort", "Tier", "Figure", "Value"], rows);
        return File(Csv.ToBytes(csv), "text/csv; charset=utf-8", $"iom-report-{Report.AsOf:yyyy-MM-dd}.csv");
    }

    public static string Money(decimal amount) => "£" + amount.ToString("#,##0", English);

    public static string Number(double value) => value.ToString("0.##", English);

    public static string Percent(double? value) => value is { } v ? v.ToString("0.#", English) + "%" : "Not enough data";

    public static string Days(double? value) => value is { } v ? v.ToString("0.#", English) + " days" : "None decided";

    private static string?[] Row(string measure, string? cohort, string? tier, string figure, string? value) => [measure, cohort, tier, figure, value];
}
