using System.Globalization;
using CaseManager.Application.ReferenceFigures;
using CaseManager.Domain.Reporting;

namespace CaseManager.Application.Reports.PartnershipReport;

/// <summary><c>Reports:*</c>: small-number suppression of published figures.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Counts under this are shown as "fewer than N" (and a complementary count with them).</summary>
    public int SuppressBelow { get; set; } = SmallNumbers.DefaultThreshold;
}

public enum FigureKind
{
    Count,
    Percent,
    Pounds,
    Rate,
}

/// <summary>
/// One published figure. A suppressed figure carries no value at all, only its display ("&lt;5"), so nothing in the
/// answer can be used to work it out.
/// </summary>
public sealed record ReportFigure(string Code, string Label, FigureKind Kind, decimal? Value, string Display, bool Suppressed);

/// <summary>A figure over time or by category (incidents per month, uses by risk category), charted with a table.</summary>
public sealed record ReportSeries(string Code, string Label, IReadOnlyList<ReportFigure> Points, ReportFigure Total);

public sealed record PrioritySection(
    PartnershipPriority Priority,
    string Title,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<ReportSeries> Series,
    IReadOnlyList<ReferenceFigureView> References,
    IReadOnlyList<string> NotYetRecorded);

public sealed record PartnershipReportView(DateOnly From, DateOnly To, int SuppressBelow, string Basis, IReadOnlyList<PrioritySection> Priorities);

/// <summary>Builds figures under the suppression rule (<see cref="SmallNumbers"/>), so every section applies it alike.</summary>
internal sealed class FigureBuilder(int threshold)
{
    public string SuppressedDisplay => "<" + threshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count published on its own.</summary>
    public ReportFigure Count(string code, string label, int count) =>
        count < threshold ? Hidden(code, label, FigureKind.Count) : Shown(code, label, FigureKind.Count, count);

    /// <summary>Counts that add up to a published total: suppressed with their complements.</summary>
    public ReportSeries Series(string code, string label, IReadOnlyList<(string Code, string Label, int Count)> parts, string totalLabel)
    {
        var suppression = SmallNumbers.Group(parts.Select(p => p.Count).ToList(), threshold);
        var points = parts.Select((p, i) => suppression.Parts[i] ? Hidden(p.Code, p.Label, FigureKind.Count) : Shown(p.Code, p.Label, FigureKind.Count, p.Count)).ToList();
        var total = suppression.Total ? Hidden(code, totalLabel, FigureKind.Count) : Shown(code, totalLabel, FigureKind.Count, parts.Sum(p => p.Count));
        return new ReportSeries(code, label, points, total);
    }

    /// <summary>
    /// A count that is part of another published count (families worked with, of those attached): published only when
    /// neither it nor the rest of the whole is small, so the one cannot be taken from the other to reveal a small number.
    /// </summary>
    public ReportFigure Part(string code, string label, int part, int whole) =>
        SmallNumbers.PartSuppressed(part, whole, threshold) ? Hidden(code, label, FigureKind.Count) : Shown(code, label, FigureKind.Count, part);

    /// <summary>A share, published only when neither its part nor the rest of its whole is a small number.</summary>
    public ReportFigure Share(string code, string label, int part, int whole) =>
        whole == 0 ? new ReportFigure(code, label, FigureKind.Percent, null, "No figures", false)
        : SmallNumbers.ShareSuppressed(part, whole, threshold) ? Hidden(code, label, FigureKind.Percent)
        : Shown(code, label, FigureKind.Percent, Math.Round(100m * part / whole, 1));

    /// <summary>A rate or amount worked out over a number of people: hidden when that number is small.</summary>
    public ReportFigure Over(string code, string label, FigureKind kind, decimal? value, int people) =>
        people < threshold ? Hidden(code, label, kind)
        : value is null ? new ReportFigure(code, label, kind, null, "No figures", false)
        : Shown(code, label, kind, value.Value);

    private ReportFigure Hidden(string code, string label, FigureKind kind) => new(code, label, kind, null, SuppressedDisplay, true);

    private static ReportFigure Shown(string code, string label, FigureKind kind, decimal value) => new(code, label, kind, value, Format(kind, value), false);

    private static string Format(FigureKind kind, decimal value) => kind switch
    {
        FigureKind.Percent => value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
        FigureKind.Pounds => "£" + Math.Round(value, 0).ToString("#,0", CultureInfo.InvariantCulture),
        FigureKind.Rate => value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0", CultureInfo.InvariantCulture),
    };
}
