using CaseManager.Application.Common.Access;
using CaseManager.Domain.Offending;

namespace CaseManager.Application.Offences;

public sealed record OffenceView(
    Guid Id,
    Guid PersonId,
    string OffenceType,
    string? OffenceTypeName,
    DateOnly CommittedOn,
    DateOnly? ConvictedOn,
    string? Outcome,
    string OwnerAgency,
    string DataCategory,
    DateTimeOffset RecordedAt,
    RecordAccessExplanation? Access)
{
    public static OffenceView From(Offence offence, string? typeName, RecordAccessExplanation? access) => new(
        offence.Id.Value,
        offence.PersonId.Value,
        offence.OffenceType,
        typeName,
        offence.CommittedOn,
        offence.ConvictedOn,
        offence.Outcome,
        offence.OwnerAgency.Value,
        offence.DataCategory.ToString(),
        offence.RecordedAt,
        access);
}
