using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Households;
using Mediator;

namespace CaseManager.Application.Households.GetHouseholdMember;

/// <summary>
/// One membership of a household (DOMAIN.md FAM2): the GET a new membership's <c>Location</c> points at. The household
/// must be readable and the member's person record too (IS7), as on the household itself; otherwise "not found".
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetHouseholdMemberQuery(HouseholdId HouseholdId, Guid MemberId) : IQuery<HouseholdMemberView>;

public sealed class GetHouseholdMemberHandler(IAppDbContext db, HouseholdReads reads, ICurrentUser currentUser, IAuditTrail audit)
    : IQueryHandler<GetHouseholdMemberQuery, HouseholdMemberView>
{
    public async ValueTask<HouseholdMemberView> Handle(GetHouseholdMemberQuery query, CancellationToken cancellationToken)
    {
        var household = await reads.ViewAsync(query.HouseholdId, "household.member-read", cancellationToken);
        var member = household.Members.SingleOrDefault(m => m.MemberId == query.MemberId);
        var subject = new AuditSubject("Household", household.Id.ToString(), member?.PersonId);
        if (member is null)
        {
            audit.Record("household.member-read", AuditOutcome.Refused, AccessRule.NoRule, subject, $"Member {query.MemberId}");
            await db.SaveChangesAsync(cancellationToken);
            throw NotFoundException.For("Household member", query.MemberId);
        }

        audit.Record("household.member-read", AuditOutcome.Allowed, HouseholdReads.RuleFor(household, currentUser.Actor), subject, $"Member {member.MemberId}");
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }
}
