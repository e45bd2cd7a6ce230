using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.GetAsbRecord;

/// <summary>One ASB record, under the same rule and audit as the list: "not found" unless the reader may see the person and the record.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetAsbRecordQuery(PersonId PersonId, AsbRecordId RecordId) : IQuery<AsbRecordView>;

public sealed class GetAsbRecordHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<GetAsbRecordQuery, AsbRecordView>
{
    public async ValueTask<AsbRecordView> Handle(GetAsbRecordQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "asb.read", cancellationToken);
        var record = await access.Readable(db.AsbRecords.AsNoTracking())
            .SingleOrDefaultAsync(r => r.Id == query.RecordId && r.PersonId == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("AsbRecord", query.RecordId);
        var explanations = await access.ExplainAndAuditAsync(audit, db.AsbRecords.AsNoTracking().Where(r => r.Id == record.Id), r => r.Id,
            "asb.read", id => new AuditSubject("AsbRecord", id.ToString(), query.PersonId.Value, record.OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return AsbRecordView.From(record, explanations.GetValueOrDefault(record.Id));
    }
}
