using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Households;

/// <summary>
/// A family as the partnership works with it (DOMAIN.md FAM1, FAM2): people living together, each with a
/// relationship and the days they were a member. A person may be in several households over time, but never twice
/// in one household on the same day. The household record itself (name, address) is Identity data of the agency
/// that recorded it; who its members are is shown only for the people a reader may see.
/// </summary>
public sealed class Household : AggregateRoot, IAgencyOwned
{
    /// <summary>A "child" older than this on the day they join is a mistake, not a relationship (FAM2).</summary>
    public const int OldestChildAge = 25;

    private readonly List<HouseholdMember> _members = [];

    private Household()
    {
    }

    public HouseholdId Id { get; private set; }

    public string? Name { get; private set; }

    public string? Address { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>Every membership, current or ended, in the order they were recorded.</summary>
    public IReadOnlyList<HouseholdMember> Members => _members;

    public static Household Record(string? name, string? address, AgencyCode owner, Guid createdBy, DateTimeOffset at) => new()
    {
        Id = HouseholdId.New(),
        Name = Guard.Optional(name, 200, "household.name-too-long", "The household name must be 200 characters or fewer"),
        Address = Guard.Optional(address, 500, "household.address-too-long", "The address must be 500 characters or fewer"),
        OwnerAgency = owner,
        DataCategory = DataCategory.Identity,
        CreatedAt = at,
        CreatedBy = createdBy,
    };

    /// <summary>
    /// Adds a person for the days from <paramref name="from"/> to <paramref name="to"/> (open-ended when null).
    /// A membership of the same person in this household on any of those days is <c>household.already-member</c>.
    /// </summary>
    public HouseholdMember AddMember(PersonId personId, DateOnly dateOfBirth, Relationship relationship, DateOnly from, DateOnly? to)
    {
        if (!Enum.IsDefined(relationship))
        {
            throw new DomainRuleException("household.relationship", "Select the member's relationship");
        }

        if (to is { } end && end < from)
        {
            throw new DomainRuleException("household.membership-dates", "A membership cannot end before it starts");
        }

        if (from < dateOfBirth)
        {
            throw new DomainRuleException("household.membership-before-birth", "A membership cannot start before the person was born");
        }

        if (relationship == Relationship.Child && dateOfBirth.AddYears(OldestChildAge + 1) <= from)
        {
            throw new DomainRuleException("household.child-age", $"A person over {OldestChildAge} is not recorded as a child of the household");
        }

        if (_members.Any(m => m.PersonId == personId && m.Overlaps(from, to)))
        {
            throw new DomainRuleException("household.already-member", "This person is already a member of the household on some of those days");
        }

        var member = new HouseholdMember(personId, relationship, from, to);
        _members.Add(member);
        IncrementVersion();
        return member;
    }

    /// <summary>Ends a membership on its last day; a membership already ended, or ended before it began, is refused.</summary>
    public HouseholdMember EndMember(Guid memberId, DateOnly to)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId)
            ?? throw new DomainRuleException("household.member-not-found", "This person is not a member of the household");
        if (member.To is not null)
        {
            throw new DomainRuleException("household.membership-ended", "This membership has already ended");
        }

        if (to < member.From)
        {
            throw new DomainRuleException("household.membership-dates", "A membership cannot end before it starts");
        }

        member.End(to);
        IncrementVersion();
        return member;
    }
}
