using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Reporting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.ReferenceFigures.GetReferenceFigure;

/// <summary>One reference figure: the GET a new figure's <c>Location</c> points at. Reference data every signed-in user may read.</summary>
[AnyAuthenticatedUser]
public sealed record GetReferenceFigureQuery(ReferenceFigureId Id) : IQuery<ReferenceFigureView>;

public sealed class GetReferenceFigureHandler(IAppDbContext db) : IQueryHandler<GetReferenceFigureQuery, ReferenceFigureView>
{
    public async ValueTask<ReferenceFigureView> Handle(GetReferenceFigureQuery query, CancellationToken cancellationToken)
    {
        var figure = await db.ReferenceFigures.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw NotFoundException.For("Reference figure", query.Id);
        return ReferenceFigureView.From(figure);
    }
}
