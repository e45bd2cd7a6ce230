using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Outcomes;

public readonly record struct AsbRecordId(Guid Value)
{
    public static AsbRecordId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What was done about anti-social behaviour (DOMAIN.md TF1 (a), TF2).</summary>
public enum AsbKind
{
    Incident,
    Warning,
    AcceptableBehaviourContract,
    Injunction,
    CriminalBehaviourOrder,
    HousingIntervention,
    CommunityProtectionNotice,
}

/// <summary>
/// Anti-social behaviour by a person on a day, or an action taken about it: an incident, a warning, a contract, an
/// injunction or order, a housing intervention or a community protection notice. Offending data owned by the agency
/// that recorded it (housing, police, the council). Troubled Families eligibility (TF1) and results (TF2) count them.
/// </summary>
public sealed class AsbRecord : IPersonRecord
{
    private AsbRecord()
    {
    }

    public AsbRecordId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; } = DataCategory.Offending;

    public AsbKind Kind { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public string? Description { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>TF1 (a): an order, injunction, contract or housing ASB intervention (an incident or a warning is not one).</summary>
    public static bool IsSanction(AsbKind kind) => kind is AsbKind.AcceptableBehaviourContract or AsbKind.Injunction
        or AsbKind.CriminalBehaviourOrder or AsbKind.HousingIntervention or AsbKind.CommunityProtectionNotice;

    public static AsbRecord Record(PersonId personId, AsbKind kind, DateOnly occurredOn, string? description, AgencyCode byAgency, Guid recordedBy, DateTimeOffset now, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("asb.kind", "Select what kind of anti-social behaviour record this is");
        }

        if (occurredOn > today)
        {
            throw new DomainRuleException("asb.in-future", "The date cannot be in the future");
        }

        return new AsbRecord
        {
            Id = AsbRecordId.New(),
            PersonId = personId,
            OwnerAgency = byAgency,
            Kind = kind,
            OccurredOn = occurredOn,
            Description = Guard.Optional(description, 500, "asb.description", "The description must be 500 characters or fewer"),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}
