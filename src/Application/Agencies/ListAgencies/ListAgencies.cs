using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Agencies.ListAgencies;

/// <summary>The partnership's agencies and their schemes. Not case data: any signed-in user may list them.</summary>
[AnyAuthenticatedUser]
public sealed record ListAgenciesQuery : IQuery<IReadOnlyList<AgencyListItem>>;

public sealed record AgencyListItem(string Code, string Name, IReadOnlyList<Scheme> Schemes)
{
    public static AgencyListItem From(Agency agency) =>
        new(agency.Code.Value, agency.Name, agency.Schemes.Select(s => s.Scheme).ToList());
}

public sealed class ListAgenciesHandler(IAppDbContext db) : IQueryHandler<ListAgenciesQuery, IReadOnlyList<AgencyListItem>>
{
    public async ValueTask<IReadOnlyList<AgencyListItem>> Handle(ListAgenciesQuery query, CancellationToken cancellationToken)
    {
        // A partnership has tens of agencies, so one unpaged list is the right shape here.
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Schemes).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return agencies.Select(AgencyListItem.From).ToList();
    }
}
