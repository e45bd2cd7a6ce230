using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Domain.Outcomes;

namespace CaseManager.Application.Outcomes;

/// <summary>An ASB record as the API and pages show it (API.md "Outcome records").</summary>
public sealed record AsbRecordView(
    Guid Id, Guid PersonId, [property: NamesOf(typeof(AsbKind))] string Kind, DateOnly OccurredOn, string? Description,
    string OwnerAgency, string DataCategory, DateTimeOffset RecordedAt, RecordAccessExplanation? Access)
{
    public static AsbRecordView From(AsbRecord record, RecordAccessExplanation? access) => new(
        record.Id.Value, record.PersonId.Value, record.Kind.ToString(), record.OccurredOn, record.Description,
        record.OwnerAgency.Value, record.DataCategory.ToString(), record.RecordedAt, access);
}

public sealed record EducationRecordView(
    Guid Id, Guid PersonId, [property: NamesOf(typeof(EducationKind))] string Kind, DateOnly? On, string? Term, int? Days, int? SessionsPossible, int? UnauthorisedAbsenceSessions,
    decimal? UnauthorisedAbsencePercent, string OwnerAgency, string DataCategory, DateTimeOffset RecordedAt, RecordAccessExplanation? Access)
{
    public static EducationRecordView From(EducationRecord record, RecordAccessExplanation? access) => new(
        record.Id.Value, record.PersonId.Value, record.Kind.ToString(), record.On, record.Term, record.Days, record.SessionsPossible,
        record.UnauthorisedAbsenceSessions,
        record is { SessionsPossible: > 0 and var possible, UnauthorisedAbsenceSessions: { } absent } ? Math.Round(100m * absent / possible, 1) : null,
        record.OwnerAgency.Value, record.DataCategory.ToString(), record.RecordedAt, access);
}

public sealed record EmploymentRecordView(
    Guid Id, Guid PersonId, [property: NamesOf(typeof(EmploymentKind))] string Kind, [property: NamesOf(typeof(BenefitType))] string? Benefit, DateOnly From, DateOnly? To, string? Detail,
    string OwnerAgency, string DataCategory, DateTimeOffset RecordedAt, RecordAccessExplanation? Access)
{
    public static EmploymentRecordView Of(EmploymentRecord record, RecordAccessExplanation? access) => new(
        record.Id.Value, record.PersonId.Value, record.Kind.ToString(), record.Benefit?.ToString(), record.From, record.To, record.Detail,
        record.OwnerAgency.Value, record.DataCategory.ToString(), record.RecordedAt, access);
}

public sealed record LocalCriterionRecordView(
    Guid Id, Guid CaseId, Guid HouseholdId, Guid? PersonId, string Criterion, DateOnly On, string Evidence,
    string OwnerAgency, string DataCategory, DateTimeOffset RecordedAt, RecordAccessExplanation? Access)
{
    public static LocalCriterionRecordView From(LocalCriterionRecord record, RecordAccessExplanation? access) => new(
        record.Id.Value, record.CaseId.Value, record.HouseholdId.Value, record.PersonId?.Value, record.Criterion, record.On, record.Evidence,
        record.OwnerAgency.Value, record.DataCategory.ToString(), record.RecordedAt, access);
}
