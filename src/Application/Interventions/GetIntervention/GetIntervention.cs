using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Interventions.GetIntervention;

/// <summary>
/// One entry of work on a case, under the same rule and audit as the list (<see cref="ListInterventions.ListInterventionsQuery"/>):
/// "not found" when the case or the entry is not visible to the reader.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetInterventionQuery(CaseId CaseId, InterventionId InterventionId) : IQuery<InterventionView>;

public sealed class GetInterventionHandler(IAppDbContext db, IRecordAccess access, CaseGate gate, IUserDirectory users, IAuditTrail audit)
    : IQueryHandler<GetInterventionQuery, InterventionView>
{
    public async ValueTask<InterventionView> Handle(GetInterventionQuery query, CancellationToken cancellationToken)
    {
        await gate.ReadableAsync(query.CaseId, "intervention.read", cancellationToken);
        var work = await access.Readable(db.Interventions.AsNoTracking())
            .SingleOrDefaultAsync(i => i.Id == query.InterventionId && i.CaseId == query.CaseId, cancellationToken)
            ?? throw NotFoundException.For("Intervention", query.InterventionId);

        var names = await users.DisplayNamesAsync([work.RecordedBy], cancellationToken);
        var explanations = await access.ExplainAndAuditAsync(audit, db.Interventions.AsNoTracking().Where(i => i.Id == work.Id), i => i.Id,
            "intervention.read", id => new AuditSubject("Intervention", id.ToString(), work.PersonId.Value, work.OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return InterventionView.From(work, names.GetValueOrDefault(work.RecordedBy), explanations.GetValueOrDefault(work.Id));
    }
}
