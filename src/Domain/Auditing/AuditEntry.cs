using CaseManager.Domain.Agencies;

namespace CaseManager.Domain.Auditing;

/// <summary>
/// One line of the append-only audit trail: who did or read what, when, from which agency, and under which rule.
/// Entries are never updated or deleted. <see cref="Sequence"/> orders them, and <see cref="PreviousHash"/> /
/// <see cref="Hash"/> chain each entry to the one before so that an altered or removed row can be detected.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        ActorEmail = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    /// <summary>Assigned by the database in insertion order.</summary>
    public long Sequence { get; private set; }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorEmail { get; private set; }

    public AgencyCode? ActorAgency { get; private set; }

    /// <summary>What happened, as a stable name such as <c>person.read</c> or <c>command.CreatePerson</c>.</summary>
    public string Action { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    /// <summary>The rule that allowed or refused it (DOMAIN.md IS4, IS9).</summary>
    public AccessRule Rule { get; private set; }

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>The person the entry is about, where there is one: lets the IG lead answer "who looked at me".</summary>
    public Guid? SubjectPersonId { get; private set; }

    public AgencyCode? OwnerAgency { get; private set; }

    /// <summary>
    /// Short free text explaining the entry: never the content of the record read, but what the actor asked for
    /// (search terms included, so that the IG lead can answer "who was looking for this person").
    /// </summary>
    public string? Detail { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public static AuditEntry Record(AuditFacts facts, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),

        // Whole milliseconds: the hash must match what is stored, and neither store keeps every tick (PostgreSQL
        // keeps microseconds; SQLite's binary DateTimeOffset keeps 100 microseconds).
        At = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond)),
        ActorUserId = facts.ActorUserId,
        ActorEmail = facts.ActorEmail,
        ActorAgency = facts.ActorAgency,
        Action = facts.Action,
        Outcome = facts.Outcome,
        Rule = facts.Rule,
        EntityType = facts.EntityType,
        EntityId = facts.EntityId,
        SubjectPersonId = facts.SubjectPersonId,
        OwnerAgency = facts.OwnerAgency,
        Detail = facts.Detail is { Length: > 500 } text ? text[..500] : facts.Detail,
    };

    /// <summary>Links this entry to the previous one. Called once, by the persistence layer, before insert.</summary>
    public void Chain(string previousHash, string hash)
    {
        if (Hash.Length != 0)
        {
            throw new InvalidOperationException("An audit entry is chained once only.");
        }

        PreviousHash = previousHash;
        Hash = hash;
    }
}

public sealed record AuditFacts(
    Guid? ActorUserId,
    string ActorEmail,
    AgencyCode? ActorAgency,
    string Action,
    AuditOutcome Outcome,
    AccessRule Rule,
    string? EntityType = null,
    string? EntityId = null,
    Guid? SubjectPersonId = null,
    AgencyCode? OwnerAgency = null,
    string? Detail = null);

public enum AuditOutcome
{
    Allowed,
    Refused,
    Failed,
}

/// <summary>Why an action or read was allowed or refused.</summary>
public enum AccessRule
{
    /// <summary>No record access was involved (sign-in, administration of reference data).</summary>
    None,

    /// <summary>The reader's agency owns the record.</summary>
    Owner,
    SharingAgreement,
    Consent,
    BreakGlass,

    /// <summary>The actor's role allows the command (administration, information governance).</summary>
    Role,

    /// <summary>A background job acting for the partnership.</summary>
    System,

    /// <summary>No rule allowed it.</summary>
    NoRule,

    /// <summary>Another agency's household, known through a member the reader may see (DOMAIN.md FAM1).</summary>
    HouseholdMember,

    /// <summary>A person record read by an agency that owns an open case on them or their household (DOMAIN.md IS7a).</summary>
    OpenCase,
}
