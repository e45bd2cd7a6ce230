using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.GetEducationRecord;

/// <summary>One education record, under the same rule and audit as the list: "not found" unless the reader may see the person and the record.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetEducationRecordQuery(PersonId PersonId, EducationRecordId RecordId) : IQuery<EducationRecordView>;

public sealed class GetEducationRecordHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<GetEducationRecordQuery, EducationRecordView>
{
    public async ValueTask<EducationRecordView> Handle(GetEducationRecordQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "education.read", cancellationToken);
        var record = await access.Readable(db.EducationRecords.AsNoTracking())
            .SingleOrDefaultAsync(r => r.Id == query.RecordId && r.PersonId == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("EducationRecord", query.RecordId);
        var explanations = await access.ExplainAndAuditAsync(audit, db.EducationRecords.AsNoTracking().Where(r => r.Id == record.Id), r => r.Id,
            "education.read", id => new AuditSubject("EducationRecord", id.ToString(), query.PersonId.Value, record.OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return EducationRecordView.From(record, explanations.GetValueOrDefault(record.Id));
    }
}
