using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Offences.GetOffence;

/// <summary>
/// One offence on a person, under the same rule and audit as the list (<see cref="ListOffences.ListOffencesQuery"/>):
/// "not found" when the person or the offence is not visible to the reader.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetOffenceQuery(PersonId PersonId, OffenceId OffenceId) : IQuery<OffenceView>;

public sealed class GetOffenceHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IAuditTrail audit)
    : IQueryHandler<GetOffenceQuery, OffenceView>
{
    public async ValueTask<OffenceView> Handle(GetOffenceQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "offence.read", cancellationToken);
        var offence = await access.Readable(db.Offences.AsNoTracking())
            .SingleOrDefaultAsync(o => o.Id == query.OffenceId && o.PersonId == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("Offence", query.OffenceId);
        var typeName = await db.OffenceTypes.AsNoTracking().Where(t => t.Code == offence.OffenceType).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var explanations = await access.ExplainAndAuditAsync(audit, db.Offences.AsNoTracking().Where(o => o.Id == offence.Id), o => o.Id,
            "offence.read", id => new AuditSubject("Offence", id.ToString(), query.PersonId.Value, offence.OwnerAgency), cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return OffenceView.From(offence, typeName, explanations.GetValueOrDefault(offence.Id));
    }
}
