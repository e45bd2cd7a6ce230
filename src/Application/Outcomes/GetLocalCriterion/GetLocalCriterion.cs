using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Outcomes.ListLocalCriteria;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Outcomes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.GetLocalCriterion;

/// <summary>One local criterion record on a family case: "not found" unless the reader may see the case and the record.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetLocalCriterionQuery(CaseId CaseId, LocalCriterionRecordId RecordId) : IQuery<LocalCriterionRecordView>;

public sealed class GetLocalCriterionHandler(IAppDbContext db, IRecordAccess access, CaseGate gate, IAuditTrail audit)
    : IQueryHandler<GetLocalCriterionQuery, LocalCriterionRecordView>
{
    public async ValueTask<LocalCriterionRecordView> Handle(GetLocalCriterionQuery query, CancellationToken cancellationToken)
    {
        var familyCase = await gate.ReadableAsync(query.CaseId, "local-criterion.read", cancellationToken);
        var record = await access.Readable(db.LocalCriterionRecords.AsNoTracking())
            .SingleOrDefaultAsync(r => r.Id == query.RecordId && r.CaseId == familyCase.Id, cancellationToken)
            ?? throw NotFoundException.For("LocalCriterionRecord", query.RecordId);
        var explanations = await access.ExplainAndAuditAsync(audit, db.LocalCriterionRecords.AsNoTracking().Where(r => r.Id == record.Id), r => r.Id,
            "local-criterion.read", _ => ListLocalCriteriaHandler.Subject(record), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return LocalCriterionRecordView.From(record, explanations.GetValueOrDefault(record.Id));
    }
}
