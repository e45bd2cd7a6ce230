using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Sharing.GetSharingAgreement;

/// <summary>One agreement. Agreements are open to every reader in the partnership, as the list is (IS1).</summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetSharingAgreementQuery(SharingAgreementId AgreementId) : IQuery<SharingAgreementView>;

public sealed class GetSharingAgreementHandler(IAppDbContext db, PartnershipClock clock) : IQueryHandler<GetSharingAgreementQuery, SharingAgreementView>
{
    public async ValueTask<SharingAgreementView> Handle(GetSharingAgreementQuery query, CancellationToken cancellationToken)
    {
        var agreement = await db.SharingAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.AgreementId, cancellationToken)
            ?? throw NotFoundException.For("Sharing agreement", query.AgreementId);
        return SharingAgreementView.From(agreement, clock.Today);
    }
}
