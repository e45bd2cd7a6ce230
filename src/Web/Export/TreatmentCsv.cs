using System.Globalization;
using System.Text;
using CaseManager.Application.Reports.TreatmentExport;

namespace CaseManager.Web.Export;

/// <summary>The NDTMS-like treatment extract's columns (docs/treatment.md), written row by row as the query reads them.</summary>
public static class TreatmentCsv
{
    public static readonly string[] Header =
    [
        "CLIENT_ID", "EPISODE_ID", "SERVICE", "PROVIDER", "REFERRAL_DATE", "REFERRAL_SOURCE", "TRIAGE_DATE", "TREATMENT_START",
        "DRUG1", "DRUG2", "DRUG3", "INJECTING_STATUS", "OPIATE_CLIENT", "DISCHARGE_DATE", "DISCHARGE_REASON", "SUCCESSFUL_COMPLETION",
        "INTERVENTIONS", "SUBSTITUTE_PRESCRIBING", "TOPS",
    ];

    public static IEnumerable<string?> Fields(TreatmentExportRow row) =>
    [
        row.ClientId.ToString(), row.EpisodeId.ToString(), row.Service, row.Provider, Day(row.ReferralDate), row.ReferralSource, Day(row.TriageDate),
        Day(row.TreatmentStart), row.Drug1.ToString(), row.Drug2?.ToString(), row.Drug3?.ToString(), row.InjectingStatus.ToString(), YesNo(row.OpiateClient),
        Day(row.DischargeDate), row.DischargeReason, YesNo(row.SuccessfulCompletion), Number(row.Interventions), Number(row.SubstituteInterventions), Number(row.Tops),
    ];

    /// <summary>Writes the extract to the response as UTF-8 with a byte order mark (as <see cref="Csv.ToBytes"/> does).</summary>
    public static async Task WriteAsync(Stream body, TreatmentExport export, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await Csv.WriteRowAsync(writer, Header);
        await foreach (var row in export.Rows.WithCancellation(cancellationToken))
        {
            await Csv.WriteRowAsync(writer, Fields(row));
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "Y", false => "N", null => null };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
