using System.Globalization;
using System.Text;
using CaseManager.Application.Claims.ExportClaim;
using CaseManager.Application.Claims.GetClaimFigures;

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
                line.ValidatedBy?.ToString(), line.DecidedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), line.Note,
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
