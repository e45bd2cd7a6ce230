using CaseManager.Domain.People;

namespace CaseManager.Domain.Households;

/// <summary>
/// One person's time in a household (DOMAIN.md FAM2): from the day they joined to the day they left (both
/// included; open while they are still a member). Changed only through <see cref="Household"/>.
/// </summary>
public sealed class HouseholdMember
{
    private HouseholdMember()
    {
    }

    internal HouseholdMember(PersonId personId, Relationship relationship, DateOnly from, DateOnly? to)
    {
        Id = Guid.CreateVersion7();
        PersonId = personId;
        Relationship = relationship;
        From = from;
        To = to;
    }

    public Guid Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public Relationship Relationship { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of membership; null while the person is still a member.</summary>
    public DateOnly? To { get; private set; }

    public bool IsMemberOn(DateOnly day) => From <= day && (To is null || To >= day);

    /// <summary>Whether this membership shares a day with the span from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) => From <= (to ?? DateOnly.MaxValue) && from <= (To ?? DateOnly.MaxValue);

    internal void End(DateOnly to) => To = to;
}
