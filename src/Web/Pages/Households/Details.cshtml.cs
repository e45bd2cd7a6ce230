using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Households;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Domain.Households;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Households;

/// <summary>
/// A household's summary (GetHouseholdQuery, DOMAIN.md FAM1–FAM3): the members the reader may see with their
/// relationships and dates, the family cases the reader may read, and what the reader may do with it.
/// </summary>
public sealed class HouseholdDetailsModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    public HouseholdView Household { get; private set; } = null!;

    /// <summary>Only the agency that recorded the household changes its members (HouseholdRules.EnsureOwner).</summary>
    public bool CanChangeMembers { get; private set; }

    /// <summary>A worker of an agency taking part in a family scheme may enrol the household (FamilyCases.OpenAsync).</summary>
    public bool CanEnrol { get; private set; }

    public string Href => HouseholdWords.Href(Household.Id);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Household = await sender.Send(new GetHouseholdQuery(new HouseholdId(id)), cancellationToken);
        var actor = currentUser.Actor;
        var writer = Policies.Allows(Policies.WriteCaseData, actor);
        CanChangeMembers = writer && actor.Agency?.Value == Household.OwnerAgency;
        if (writer)
        {
            var agencies = await sender.Send(new ListAgenciesQuery(), cancellationToken);
            CanEnrol = agencies.Any(a => a.Code == actor.Agency?.Value && a.Schemes.Any(FamilySchemes.Contains));
        }
    }
}
