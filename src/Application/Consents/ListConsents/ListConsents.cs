using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Consents.ListConsents;

/// <summary>
/// A person's consent decisions, newest first. Whoever may see the person sees every decision about sharing their
/// data: a decision not to share is what keeps partners from asking again.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListConsentsQuery(PersonId PersonId) : IQuery<IReadOnlyList<ConsentView>>;

public sealed class ListConsentsHandler(IAppDbContext db, PersonGate gate, PartnershipClock clock) : IQueryHandler<ListConsentsQuery, IReadOnlyList<ConsentView>>
{
    public async ValueTask<IReadOnlyList<ConsentView>> Handle(ListConsentsQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "consent.list", cancellationToken);

        // A person has a handful of consent decisions: one unpaged list.
        var consents = await db.Consents.AsNoTracking()
            .Where(c => c.PersonId == query.PersonId)
            .OrderByDescending(c => c.RecordedOn).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return consents.Select(c => ConsentView.From(c, clock.Today)).ToList();
    }
}
