using System.Globalization;
using CaseManager.Application.TroubledFamilies.ListTroubledFamilies;

namespace CaseManager.Web.Export;

/// <summary>
/// The Troubled Families coordinator's list as CSV (columns in docs/families.md): one row per family, attached ones
/// first, as the /troubled-families page lists them. Every cell goes through <see cref="Csv.Field"/> (formula-safe).
/// </summary>
public static class TroubledFamiliesCsv
{
    public static string Write(TroubledFamiliesPage list) => Csv.Write(
        ["Household", "Household id", "Attached", "Case id", "Attached on", "Phase", "As at", "Eligible", "Criteria met", "Summary"],
        list.Items.Select(i => new[]
        {
            i.HouseholdName,
            i.HouseholdId.ToString(),
            i.Attached ? "Yes" : "No",
            i.CaseId?.ToString(),
            i.AttachedOn is { } on ? Day(on) : null,
            list.Phase.ToString(CultureInfo.InvariantCulture),
            Day(list.AsOf),
            i.Eligible ? "Yes" : "No",
            string.Join(" ", i.CriteriaMet),
            i.Summary,
        }));

    public static string FileName(TroubledFamiliesPage list) => $"troubled-families-phase{list.Phase}-{Day(list.AsOf)}.csv";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
