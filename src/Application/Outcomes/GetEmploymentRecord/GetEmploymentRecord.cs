using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.GetEmploymentRecord;

/// <summary>One employment or benefit spell, under the same rule and audit as the list: "not found" unless the reader may see the person and the record.</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetEmploymentRecordQuery(PersonId PersonId, EmploymentRecordId RecordId) : IQuery<EmploymentRecordView>;

public sealed class GetEmploymentRecordHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<GetEmploymentRecordQuery, EmploymentRecordView>
{
    public async ValueTask<EmploymentRecordView> Handle(GetEmploymentRecordQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "employment.read", cancellationToken);
        var record = await access.Readable(db.EmploymentRecords.AsNoTracking())
            .SingleOrDefaultAsync(r => r.Id == query.RecordId && r.PersonId == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("EmploymentRecord", query.RecordId);
        var explanations = await access.ExplainAndAuditAsync(audit, db.EmploymentRecords.AsNoTracking().Where(r => r.Id == record.Id), r => r.Id,
            "employment.read", id => new AuditSubject("EmploymentRecord", id.ToString(), query.PersonId.Value, record.OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return EmploymentRecordView.Of(record, explanations.GetValueOrDefault(record.Id));
    }
}
