using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Reporting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.ReferenceFigures.ListReferenceFigures;

/// <summary>The reference figures, by priority, series and date: reference data that every signed-in user may read.</summary>
[AnyAuthenticatedUser]
public sealed record ListReferenceFiguresQuery(PartnershipPriority? Priority = null) : IQuery<IReadOnlyList<ReferenceFigureView>>;

public sealed class ListReferenceFiguresHandler(IAppDbContext db) : IQueryHandler<ListReferenceFiguresQuery, IReadOnlyList<ReferenceFigureView>>
{
    public async ValueTask<IReadOnlyList<ReferenceFigureView>> Handle(ListReferenceFiguresQuery query, CancellationToken cancellationToken)
    {
        var figures = db.ReferenceFigures.AsNoTracking();
        if (query.Priority is { } priority)
        {
            figures = figures.Where(f => f.Priority == priority);
        }

        var found = await figures.OrderBy(f => f.Priority).ThenBy(f => f.Code).ThenBy(f => f.On).ToListAsync(cancellationToken);
        return found.Select(ReferenceFigureView.From).ToList();
    }
}
