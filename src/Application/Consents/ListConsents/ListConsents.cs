using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Consents.ListConsents;

/// <summary>
/// A person's consent decisions that the reader may see, newest first. A consent decision can itself show another
/// agency's involvement (a treatment consent says the person is in treatment), so it is a record like any other,
/// with a narrower rule (IRecordAccess.Readable): the agency that recorded it, an agency it names as a recipient
/// (the person agreed that they could know) where an agreement shares with it, and a live break-glass holder.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListConsentsQuery(PersonId PersonId) : IQuery<IReadOnlyList<ConsentView>>;

public sealed class ListConsentsHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, PartnershipClock clock) : IQueryHandler<ListConsentsQuery, IReadOnlyList<ConsentView>>
{
    public async ValueTask<IReadOnlyList<ConsentView>> Handle(ListConsentsQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "consent.list", cancellationToken);

        // A person has a handful of consent decisions: one unpaged list.
        var consents = await access.Readable(db.Consents.AsNoTracking())
            .Where(c => c.PersonId == query.PersonId)
            .OrderByDescending(c => c.RecordedOn).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return consents.Select(c => ConsentView.From(c, clock.Today)).ToList();
    }
}
