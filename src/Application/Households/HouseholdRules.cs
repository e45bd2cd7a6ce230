using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Households;

namespace CaseManager.Application.Households;

public static class HouseholdRules
{
    /// <summary>Only the agency that recorded a household changes it; a partner who may see it is refused (403).</summary>
    public static void EnsureOwner(Household household, Actor actor)
    {
        if (household.OwnerAgency != actor.RequireAgency())
        {
            throw new ForbiddenAccessException($"Only {household.OwnerAgency} changes this household's members.");
        }
    }
}
