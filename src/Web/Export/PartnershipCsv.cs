using System.Globalization;
using CaseManager.Application.Reports.PartnershipReport;

namespace CaseManager.Web.Export;

/// <summary>
/// The partnership report as CSV, one row per figure (series points included): the page's download and the API's
/// share it. A suppressed figure reads "fewer than N" and carries no number, as on the page.
/// </summary>
public static class PartnershipCsv
{
    public static readonly IReadOnlyList<string> Header = ["Priority", "Figure", "Code", "Breakdown", "Value", "Shown as", "Period from", "Period to"];

    public static IEnumerable<IEnumerable<string?>> Rows(PartnershipReportView report)
    {
        var from = report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var section in report.Priorities)
        {
            foreach (var figure in section.Figures)
            {
                yield return Row(section.Title, figure.Label, figure.Code, null, figure, report, from, to);
            }

            foreach (var series in section.Series)
            {
                foreach (var point in series.Points)
                {
                    yield return Row(section.Title, series.Label, series.Code, point.Label, point, report, from, to);
                }

                yield return Row(section.Title, series.Label, series.Code, series.Total.Label, series.Total, report, from, to);
            }

            foreach (var reference in section.References)
            {
                yield return [section.Title, reference.Label, reference.Code, "Reference figure: " + reference.Source, reference.Value.ToString(CultureInfo.InvariantCulture), reference.Display,
                    reference.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reference.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            }
        }
    }

    /// <summary>What a reader sees for a figure: its display, or "fewer than N" when suppressed.</summary>
    public static string Shown(ReportFigure figure, int suppressBelow) =>
        figure.Suppressed ? $"fewer than {suppressBelow.ToString(CultureInfo.InvariantCulture)}" : figure.Display;

    private static string?[] Row(string priority, string figureLabel, string code, string? breakdown, ReportFigure figure, PartnershipReportView report, string from, string to) =>
        [priority, figureLabel, code, breakdown, figure.Value?.ToString(CultureInfo.InvariantCulture), Shown(figure, report.SuppressBelow), from, to];
}
