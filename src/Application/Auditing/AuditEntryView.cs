using CaseManager.Domain.Auditing;

namespace CaseManager.Application.Auditing;

public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorEmail,
    string? ActorAgency,
    string Action,
    string Outcome,
    string Rule,
    string? EntityType,
    string? EntityId,
    Guid? PersonId,
    string? OwnerAgency,
    string? Detail)
{
    public static AuditEntryView From(AuditEntry entry) => new(
        entry.Sequence,
        entry.At,
        entry.ActorEmail,
        entry.ActorAgency?.Value,
        entry.Action,
        entry.Outcome.ToString(),
        entry.Rule.ToString(),
        entry.EntityType,
        entry.EntityId,
        entry.SubjectPersonId,
        entry.OwnerAgency?.Value,
        entry.Detail);
}
