using System.Globalization;
using CaseManager.Application.Families;

namespace CaseManager.Web.Export;

/// <summary>A family plan as CSV: one row per action the reader may see, as the plan page lists them.</summary>
public static class PlanCsv
{
    public static string Write(FamilyPlanView plan) => Csv.Write(
        ["Action", "Need", "For", "Owner agency", "Assigned to", "Due", "Status", "Completed", "Note"],
        plan.Actions.Select(a => new[]
        {
            a.Description,
            a.Need,
            a.ForPersonId is null ? "Family" : a.ForPersonName,
            a.OwnerAgency,
            a.AssignedToName,
            Day(a.DueOn),
            a.Status,
            a.CompletedOn is { } done ? Day(done) : null,
            a.Note,
        }));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
