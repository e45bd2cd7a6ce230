using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.ListLocalCriteria;

/// <summary>The local criteria recorded on a family case that the reader may see, most recent first.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListLocalCriteriaQuery(CaseId CaseId) : IQuery<IReadOnlyList<LocalCriterionRecordView>>;

public sealed class ListLocalCriteriaHandler(IAppDbContext db, IRecordAccess access, CaseGate gate, IAuditTrail audit)
    : IQueryHandler<ListLocalCriteriaQuery, IReadOnlyList<LocalCriterionRecordView>>
{
    public async ValueTask<IReadOnlyList<LocalCriterionRecordView>> Handle(ListLocalCriteriaQuery query, CancellationToken cancellationToken)
    {
        var familyCase = await gate.ReadableAsync(query.CaseId, "local-criterion.list", cancellationToken);
        var records = await access.Readable(db.LocalCriterionRecords.AsNoTracking())
            .Where(r => r.CaseId == familyCase.Id)
            .OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        var explanations = await access.ExplainAndAuditAsync(audit, db.LocalCriterionRecords.AsNoTracking().Where(r => ids.Contains(r.Id)), r => r.Id,
            "local-criterion.read", id => Subject(records.First(r => r.Id == id)), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return records.Select(r => LocalCriterionRecordView.From(r, explanations.GetValueOrDefault(r.Id))).ToList();
    }

    internal static AuditSubject Subject(Domain.Outcomes.LocalCriterionRecord record) =>
        new("LocalCriterionRecord", record.Id.ToString(), record.PersonId?.Value, record.OwnerAgency);
}
