using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Households;
using Mediator;

namespace CaseManager.Application.Households.GetHousehold;

/// <summary>
/// Reads one household with the members the reader may see (DOMAIN.md FAM1, IS7): a member whose person record the
/// reader may not see is left out, and nothing says there was one. Reads and refusals are audited (IS9).
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetHouseholdQuery(HouseholdId HouseholdId) : IQuery<HouseholdView>;

public sealed class GetHouseholdHandler(IAppDbContext db, HouseholdReads reads, ICurrentUser currentUser, IAuditTrail audit) : IQueryHandler<GetHouseholdQuery, HouseholdView>
{
    public async ValueTask<HouseholdView> Handle(GetHouseholdQuery query, CancellationToken cancellationToken)
    {
        var view = await reads.ViewAsync(query.HouseholdId, "household.read", cancellationToken);
        audit.Record("household.read", AuditOutcome.Allowed, HouseholdReads.RuleFor(view, currentUser.Actor),
            new AuditSubject("Household", view.Id.ToString()), $"{view.Members.Count} members shown");
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }
}
