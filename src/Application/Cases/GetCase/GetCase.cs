using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Cases.GetCase;

/// <summary>One case the reader may see, with why they may see it; reads and refusals are audited (IS9).</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetCaseQuery(CaseId CaseId) : IQuery<CaseView>;

public sealed class GetCaseHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit, CaseNames names) : IQueryHandler<GetCaseQuery, CaseView>
{
    public async ValueTask<CaseView> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var found = await access.Readable(db.Cases.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken);
        if (found is null)
        {
            throw await CaseGate.RefuseAsync(db, audit, query.CaseId, "case.read", cancellationToken);
        }

        var explanation = await CaseExplanation.OfAsync(access, db, found, cancellationToken);
        audit.Record("case.read", AuditOutcome.Allowed, AccessAudit.RuleOf(explanation),
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency), AccessAudit.DetailOf(explanation));
        await db.SaveChangesAsync(cancellationToken);
        return await names.ViewAsync(found, explanation, cancellationToken);
    }
}
