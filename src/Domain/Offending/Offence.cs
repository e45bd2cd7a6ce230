using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Offending;

public readonly record struct OffenceId(Guid Value)
{
    public static OffenceId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// An offence a person committed, and its conviction if any (DOMAIN.md IOM7). It belongs to the person, not to a
/// case, so that the offending before a case started counts in the before-and-after measures. Offending data.
/// </summary>
public sealed class Offence : IPersonRecord
{
    private Offence()
    {
    }

    public OffenceId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; } = DataCategory.Offending;

    /// <summary>A code from the offence types reference list (<see cref="OffenceType"/>).</summary>
    public string OffenceType { get; private set; } = string.Empty;

    public DateOnly CommittedOn { get; private set; }

    public DateOnly? ConvictedOn { get; private set; }

    public string? Outcome { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Offence Record(PersonId personId, string offenceType, DateOnly committedOn, DateOnly? convictedOn, string? outcome, AgencyCode byAgency, Guid recordedBy, DateTimeOffset now, DateOnly today)
    {
        if (committedOn > today)
        {
            throw new DomainRuleException("offence.in-future", "The date of the offence cannot be in the future");
        }

        if (convictedOn is { } conviction && (conviction < committedOn || conviction > today))
        {
            throw new DomainRuleException("offence.conviction-date", "The conviction date must be between the offence date and today");
        }

        return new Offence
        {
            Id = OffenceId.New(),
            PersonId = personId,
            OwnerAgency = byAgency,
            OffenceType = Guard.Required(offenceType, "offence.type", "Select the offence type", maxLength: 40),
            CommittedOn = committedOn,
            ConvictedOn = convictedOn,
            Outcome = Guard.Optional(outcome, 200, "offence.outcome", "The outcome must be 200 characters or fewer"),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}
