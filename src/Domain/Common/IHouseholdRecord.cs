using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Common;

/// <summary>
/// A record on a household's family case that may be about one member or about the family as a whole (a local
/// criterion). About a member, the access rule treats it as that person's record; about the family, as the family
/// case is treated (DOMAIN.md IS7b): read through a right of someone who is a member today. A review is one too: of a
/// person's case or consent (no household), or of a family case (no person).
/// </summary>
public interface IHouseholdRecord : IAgencyOwned
{
    HouseholdId? HouseholdId { get; }

    PersonId? PersonId { get; }
}
