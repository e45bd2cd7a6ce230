using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Reporting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.ReferenceFigures.RemoveReferenceFigure;

/// <summary>An administrator removes a reference figure entered in error (then records the right one); audited.</summary>
[RequiresPolicy(Policies.Administer)]
public sealed record RemoveReferenceFigureCommand(ReferenceFigureId Id) : ICommand;

public sealed class RemoveReferenceFigureHandler(IAppDbContext db, IAuditTrail audit) : ICommandHandler<RemoveReferenceFigureCommand>
{
    public async ValueTask<Unit> Handle(RemoveReferenceFigureCommand command, CancellationToken cancellationToken)
    {
        var figure = await db.ReferenceFigures.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("Reference figure", command.Id);
        db.ReferenceFigures.Remove(figure);
        audit.Record("reference-figure.remove", AuditOutcome.Allowed, AccessRule.Owner, new AuditSubject("ReferenceFigure", figure.Id.ToString()),
            $"{figure.Code} on {figure.On:yyyy-MM-dd}: {figure.Value} ({figure.Source})");
        return Unit.Value;
    }
}
