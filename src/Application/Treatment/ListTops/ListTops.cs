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

namespace CaseManager.Application.Treatment.ListTops;

/// <summary>
/// A treatment case's TOPs the reader may read, oldest first (for the chart over time); shared ones audited. With
/// <paramref name="Only"/>, just that one (the single-record route), through the same rule.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListTopsQuery(CaseId CaseId, TopRecordId? Only = null) : IQuery<IReadOnlyList<TopRecordView>>;

public sealed class ListTopsHandler(IAppDbContext db, IRecordAccess access, CaseGate gate, IUserDirectory users, IAuditTrail audit)
    : IQueryHandler<ListTopsQuery, IReadOnlyList<TopRecordView>>
{
    public async ValueTask<IReadOnlyList<TopRecordView>> Handle(ListTopsQuery query, CancellationToken cancellationToken)
    {
        await gate.ReadableAsync(query.CaseId, "top.list", cancellationToken);
        var readable = access.Readable(db.TopRecords.AsNoTracking()).Where(t => t.CaseId == query.CaseId);
        if (query.Only is { } only)
        {
            readable = readable.Where(t => t.Id == only);
        }
        var found = await readable.OrderBy(t => t.CompletedOn).ThenBy(t => t.Id).ToListAsync(cancellationToken);

        var names = await users.DisplayNamesAsync(found.Select(t => t.RecordedBy).Distinct().ToList(), cancellationToken);
        var byId = found.ToDictionary(t => t.Id);
        var explanations = await access.ExplainAndAuditAsync(audit, readable, t => t.Id, "top.read",
            id => new AuditSubject("TopRecord", id.ToString(), byId[id].PersonId.Value, byId[id].OwnerAgency), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return found.Select(t => TopRecordView.From(t, names.GetValueOrDefault(t.RecordedBy), explanations.GetValueOrDefault(t.Id))).ToList();
    }
}
