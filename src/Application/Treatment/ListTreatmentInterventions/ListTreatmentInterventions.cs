using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Treatment.ListTreatmentInterventions;

/// <summary>
/// A treatment case's interventions the reader may read, newest first: the access rule decides in SQL (health data,
/// DT5: a partner reads them only under consent or an agreement with an Art 9 condition); each shared one is audited.
/// With <paramref name="Only"/>, just that one (the single-record route), through the same rule.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListTreatmentInterventionsQuery(CaseId CaseId, TreatmentInterventionId? Only = null) : IQuery<IReadOnlyList<TreatmentInterventionView>>;

public sealed class ListTreatmentInterventionsHandler(IAppDbContext db, IRecordAccess access, CaseGate gate, IUserDirectory users, IAuditTrail audit)
    : IQueryHandler<ListTreatmentInterventionsQuery, IReadOnlyList<TreatmentInterventionView>>
{
    public async ValueTask<IReadOnlyList<TreatmentInterventionView>> Handle(ListTreatmentInterventionsQuery query, CancellationToken cancellationToken)
    {
        await gate.ReadableAsync(query.CaseId, "treatment-intervention.list", cancellationToken);
        var readable = access.Readable(db.TreatmentInterventions.AsNoTracking()).Where(i => i.CaseId == query.CaseId);
        if (query.Only is { } only)
        {
            readable = readable.Where(i => i.Id == only);
        }
        var found = await readable.OrderByDescending(i => i.StartDate).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);

        var names = await users.DisplayNamesAsync(found.Select(i => i.RecordedBy).Distinct().ToList(), cancellationToken);
        var byId = found.ToDictionary(i => i.Id);
        var explanations = await access.ExplainAndAuditAsync(audit, readable, i => i.Id, "treatment-intervention.read",
            id => new AuditSubject("TreatmentIntervention", id.ToString(), byId[id].PersonId.Value, byId[id].OwnerAgency), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return found.Select(i => TreatmentInterventionView.From(i, names.GetValueOrDefault(i.RecordedBy), explanations.GetValueOrDefault(i.Id))).ToList();
    }
}
