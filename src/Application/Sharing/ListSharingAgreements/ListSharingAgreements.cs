using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Sharing.ListSharingAgreements;

/// <summary>
/// The partnership's agreements, in force or not. Caseworkers may read them too: being open about the basis for
/// sharing is part of the golden rules (IS1).
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListSharingAgreementsQuery : IQuery<IReadOnlyList<SharingAgreementView>>;

public sealed class ListSharingAgreementsHandler(IAppDbContext db, PartnershipClock clock)
    : IQueryHandler<ListSharingAgreementsQuery, IReadOnlyList<SharingAgreementView>>
{
    public async ValueTask<IReadOnlyList<SharingAgreementView>> Handle(ListSharingAgreementsQuery query, CancellationToken cancellationToken)
    {
        // Tens of agreements at most in a partnership: one list, ordered for people.
        var agreements = await db.SharingAgreements.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return agreements.Select(a => SharingAgreementView.From(a, clock.Today)).ToList();
    }
}
