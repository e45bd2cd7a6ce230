using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Consents.GetConsent;

/// <summary>
/// One consent decision on a person, under the same rule as the list (<see cref="ListConsents.ListConsentsQuery"/>):
/// "not found" when the person or the decision is not visible to the reader.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetConsentQuery(PersonId PersonId, ConsentId ConsentId) : IQuery<ConsentView>;

public sealed class GetConsentHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, PartnershipClock clock) : IQueryHandler<GetConsentQuery, ConsentView>
{
    public async ValueTask<ConsentView> Handle(GetConsentQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "consent.read", cancellationToken);
        var consent = await access.Readable(db.Consents.AsNoTracking())
            .SingleOrDefaultAsync(c => c.Id == query.ConsentId && c.PersonId == query.PersonId, cancellationToken)
            ?? throw NotFoundException.For("Consent", query.ConsentId);
        return ConsentView.From(consent, clock.Today);
    }
}
