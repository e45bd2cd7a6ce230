using System.Globalization;
using System.Text;
using CaseManager.Application.Claims.ExportClaim;
using CaseManager.Application.Claims.GetClaimFigures;
using CaseManager.Application.Claims.SpotCheckClaim;

namespace CaseManager.Web.Export;

/// <summary>A claim's lines, and the partnership's claim figures, as CSV (formula-safe through <see cref="Csv.Field"/>).</summary>
public static class ClaimCsv
{
    public static readonly string[] Header =
    [
        "CLAIM_ID", "PHASE", "KIND", "WINDOW", "CLAIM_STATUS", "LINE_ID", "CASE_ID", "HOUSEHOLD_ID", "RESULT", "FINANCIAL_YEAR", "AMOUNT",
        "LINE_STATUS", "PREPARED_BY", "VALIDATED_BY", "DECIDED_AT", "NOTE", "EVIDENCE_PARTLY_HIDDEN",
    ];

    public static readonly string[] FiguresHeader =
    [
        "PHASE", "FINANCIAL_YEAR", "FAMILIES_ATTACHED", "RESULTS_CLAIMED", "RESULTS_BY_KIND", "ATTACHMENT_CLAIMED", "RESULTS_MONEY_CLAIMED", "CLAIMED", "MAXIMUM",
    ];

    public static readonly string[] SpotCheckHeader =
    [
        "CLAIM_ID", "SAMPLE_NO", "LINE_ID", "CASE_ID", "HOUSEHOLD_ID", "RESULT", "AMOUNT", "EVIDENCE_PARTLY_HIDDEN", "ITEM", "CODE_OR_KIND", "MET",
        "SUMMARY_OR_MEASURED", "NEEDED", "ON", "LINK",
    ];

    /// <summary>
    /// The spot check's evidence pack as one CSV: for each sampled line, a row per check (what was measured and what was
    /// needed), per record behind it, per member and per link, so the pack can be filed or sent as a download.
    /// </summary>
    public static string SpotCheck(SpotCheck check) => Csv.Write(SpotCheckHeader, check.Sample.SelectMany((line, i) =>
    {
        var l = line.Line;
        var evidence = line.Evidence;
        string?[] Row(string item, string? code, bool? met, string? summary, string? needed, DateOnly? on, string? link) =>
        [
            check.ClaimId.ToString(), Number(i + 1), l.LineId.ToString(), l.CaseId.ToString(), l.HouseholdId.ToString(), l.Result, Money(l.Amount),
            l.EvidencePartlyHidden ? "Y" : "N", item, code, met is null ? null : met.Value ? "Y" : "N", summary, needed,
            on?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), link,
        ];
        return new[] { Row("Line", l.Status, null, line.PartlyHiddenNote, null, evidence.AttachedOn, evidence.Links.Case) }
            .Concat(evidence.Checks.Select(c => Row("Check", c.Code, c.Met, c.Measured, c.Needed, null, null)))
            .Concat(evidence.Records.Select(r => Row("Record", r.Kind, null, r.Summary, null, r.On, r.Link)))
            .Concat(evidence.Members.Select(m => Row("Member", m.Relationship, null, m.Name, null, m.From, m.Timeline)))
            .Append(Row("Link", "Household", null, null, null, null, evidence.Links.Household))
            .Append(Row("Link", "Timeline", null, null, null, null, evidence.Links.Timeline));
    }));

    public static async Task WriteAsync(Stream body, ClaimExport export, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await Csv.WriteRowAsync(writer, Header);
        await foreach (var line in export.Lines.WithCancellation(cancellationToken))
        {
            await Csv.WriteRowAsync(writer,
            [
                export.ClaimId.ToString(), Number(export.Phase), export.Kind, export.Window, export.Status, line.LineId.ToString(), line.CaseId.ToString(),
                line.HouseholdId.ToString(), line.Result, Number(line.FinancialYear), Money(line.Amount), line.Status, line.PreparedBy.ToString(),
                line.ValidatedBy?.ToString(), line.DecidedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), line.Note,
                line.EvidencePartlyHidden ? "Y" : "N",
            ]);
        }
    }

    public static string Figures(ClaimFigures figures) => Csv.Write(FiguresHeader, figures.Phases.SelectMany(p => p.Years.Select(y => new[]
    {
        Number(p.Phase), y.Name, Number(y.FamiliesAttached), Number(y.Results.Values.Sum()),
        string.Join("; ", y.Results.Select(r => $"{r.Key} {r.Value}")), Money(y.AttachmentClaimed), Money(y.ResultsClaimed), Money(y.Claimed), Money(y.Maximum),
    })));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
