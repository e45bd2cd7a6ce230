using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.BreakGlass.GetBreakGlassGrant;

/// <summary>
/// One break-glass use: for the information governance lead to review, and for the user who used it to record
/// whether the person was told. To anyone else it does not exist.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetBreakGlassGrantQuery(BreakGlassGrantId GrantId) : IQuery<BreakGlassView>;

public sealed class GetBreakGlassGrantHandler(IAppDbContext db, ICurrentUser currentUser, PartnershipClock clock) : IQueryHandler<GetBreakGlassGrantQuery, BreakGlassView>
{
    public async ValueTask<BreakGlassView> Handle(GetBreakGlassGrantQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var grant = await db.BreakGlassGrants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == query.GrantId, cancellationToken);
        if (grant is null || (grant.UserId != actor.UserId && !actor.IsInRole(Role.InformationGovernance)))
        {
            throw NotFoundException.For("Break-glass grant", query.GrantId);
        }

        return BreakGlassView.From(grant, clock.Now);
    }
}
