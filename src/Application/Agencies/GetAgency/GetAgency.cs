using CaseManager.Application.Agencies.ListAgencies;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Agencies.GetAgency;

[AnyAuthenticatedUser]
public sealed record GetAgencyQuery(string Code) : IQuery<AgencyListItem>;

public sealed class GetAgencyHandler(IAppDbContext db) : IQueryHandler<GetAgencyQuery, AgencyListItem>
{
    public async ValueTask<AgencyListItem> Handle(GetAgencyQuery query, CancellationToken cancellationToken)
    {
        if (!AgencyCode.TryParse(query.Code, out var code))
        {
            throw NotFoundException.For("Agency", query.Code);
        }

        var agency = await db.Agencies.AsNoTracking().Include(a => a.Schemes).SingleOrDefaultAsync(a => a.Code == code, cancellationToken)
            ?? throw NotFoundException.For("Agency", code);
        return AgencyListItem.From(agency);
    }
}
