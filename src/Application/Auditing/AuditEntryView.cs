using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing;

/// <summary>
/// One audit entry as the information governance lead reads it: the stored facts, and beside them the action in
/// plain English (<see cref="AuditActions"/>) and the names of the user and the person, where they are known.
/// </summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    string ActorEmail,
    string? ActorAgency,
    string Action,
    [property: NamesOf(typeof(AuditOutcome))] string Outcome,
    [property: NamesOf(typeof(AccessRule))] string Rule,
    string? EntityType,
    string? EntityId,
    Guid? PersonId,
    string? OwnerAgency,
    string? Detail,
    string ActionName,
    Guid? ActorUserId = null,
    string? ActorName = null,
    string? PersonName = null)
{
    public static AuditEntryView From(AuditEntry entry) => From(entry, null, null);

    public static AuditEntryView From(AuditEntry entry, IReadOnlyDictionary<Guid, string>? userNames, IReadOnlyDictionary<Guid, string>? personNames) => new(
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
        entry.Detail,
        AuditActions.Describe(entry.Action),
        entry.ActorUserId,
        entry.ActorUserId is { } user ? userNames?.GetValueOrDefault(user) : null,
        entry.SubjectPersonId is { } person ? personNames?.GetValueOrDefault(person) : null);

    /// <summary>
    /// Views of a batch of entries with the names of their users and people, in two queries however many entries
    /// there are. Governance reads only (ADR 0011): person names are read across every agency.
    /// </summary>
    public static async Task<IReadOnlyList<AuditEntryView>> NamedAsync(
        IReadOnlyCollection<AuditEntry> entries, IAppDbContext db, IUserDirectory users, CancellationToken cancellationToken)
    {
        var userIds = entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        var userNames = await users.DisplayNamesAsync(userIds, cancellationToken);
        var personIds = entries.Where(e => e.SubjectPersonId is not null).Select(e => new PersonId(e.SubjectPersonId!.Value)).Distinct().ToList();
        var personNames = personIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName })
                .ToDictionaryAsync(p => p.Id.Value, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
        return entries.Select(e => From(e, userNames, personNames)).ToList();
    }
}
