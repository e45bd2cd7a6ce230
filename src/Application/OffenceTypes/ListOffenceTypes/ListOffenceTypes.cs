using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.OffenceTypes.ListOffenceTypes;

/// <summary>The offence types and their unit costs: reference data, not case data, so every signed-in user may read it.</summary>
[AnyAuthenticatedUser]
public sealed record ListOffenceTypesQuery : IQuery<IReadOnlyList<OffenceTypeView>>;

public sealed class ListOffenceTypesHandler(IAppDbContext db) : IQueryHandler<ListOffenceTypesQuery, IReadOnlyList<OffenceTypeView>>
{
    public async ValueTask<IReadOnlyList<OffenceTypeView>> Handle(ListOffenceTypesQuery query, CancellationToken cancellationToken)
    {
        var types = await db.OffenceTypes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return types.Select(OffenceTypeView.From).ToList();
    }
}
