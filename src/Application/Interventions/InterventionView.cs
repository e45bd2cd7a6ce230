using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Domain.Interventions;

namespace CaseManager.Application.Interventions;

public sealed record InterventionView(
    Guid Id,
    Guid CaseId,
    Guid PersonId,
    string Scheme,
    [property: NamesOf(typeof(InterventionType))] string Type,
    DateTimeOffset OccurredAt,
    int? DurationMinutes,
    string? Outcome,
    string? Notes,
    [property: NamesOf(typeof(DrugTestResult))] string? Result,
    IReadOnlyList<string> Substances,
    string OwnerAgency,
    string DataCategory,
    Guid RecordedBy,
    string? RecordedByName,
    DateTimeOffset RecordedAt,
    RecordAccessExplanation? Access)
{
    public static InterventionView From(Intervention work, string? recordedByName, RecordAccessExplanation? access) => new(
        work.Id.Value,
        work.CaseId.Value,
        work.PersonId.Value,
        work.Scheme.ToString(),
        work.Type.ToString(),
        work.OccurredAt,
        work.DurationMinutes,
        work.Outcome,
        work.Notes,
        work.DrugTestResult?.ToString(),
        work.Substances.Select(s => s.ToString()).ToList(),
        work.OwnerAgency.Value,
        work.DataCategory.ToString(),
        work.RecordedBy,
        recordedByName,
        work.RecordedAt,
        access);
}
