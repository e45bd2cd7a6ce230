using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.BreakGlass.GetBreakGlassGrant;

/// <summary>One break-glass use, for the information governance lead to review.</summary>
[RequiresPolicy(Policies.InformationGovernance)]
public sealed record GetBreakGlassGrantQuery(BreakGlassGrantId GrantId) : IQuery<BreakGlassView>;

public sealed class GetBreakGlassGrantHandler(IAppDbContext db, PartnershipClock clock) : IQueryHandler<GetBreakGlassGrantQuery, BreakGlassView>
{
    public async ValueTask<BreakGlassView> Handle(GetBreakGlassGrantQuery query, CancellationToken cancellationToken)
    {
        var grant = await db.BreakGlassGrants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == query.GrantId, cancellationToken)
            ?? throw NotFoundException.For("Break-glass grant", query.GrantId);
        return BreakGlassView.From(grant, clock.Now);
    }
}
