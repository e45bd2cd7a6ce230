using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Households;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Households.EndHouseholdMembership;

/// <summary>
/// Records the last day of a membership (DOMAIN.md FAM2). From the day after, the person no longer counts as
/// enrolled through the household's family cases (IS7b). A member the caller may not see is "not found".
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record EndHouseholdMembershipCommand(HouseholdId HouseholdId, Guid MemberId, DateOnly? To) : ICommand<HouseholdMemberView>;

public sealed class EndHouseholdMembershipValidator : AbstractValidator<EndHouseholdMembershipCommand>
{
    public EndHouseholdMembershipValidator() =>
        RuleFor(c => c.To).NotNull().WithMessage("Enter the last day the person was a member");
}

public sealed class EndHouseholdMembershipHandler(IAppDbContext db, HouseholdReads reads, IRecordAccess access, ICurrentUser currentUser, IAuditTrail audit)
    : ICommandHandler<EndHouseholdMembershipCommand, HouseholdMemberView>
{
    public async ValueTask<HouseholdMemberView> Handle(EndHouseholdMembershipCommand command, CancellationToken cancellationToken)
    {
        var household = await reads.GetForUpdateAsync(command.HouseholdId, "household.end-member", cancellationToken);
        var member = household.Members.SingleOrDefault(m => m.Id == command.MemberId);
        var person = member is null
            ? null
            : await access.Readable(db.People.AsNoTracking()).Where(p => p.Id == member.PersonId)
                .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).SingleOrDefaultAsync(cancellationToken);
        if (member is null || person is null)
        {
            audit.Record("household.end-member", AuditOutcome.Refused, AccessRule.NoRule,
                new AuditSubject("HouseholdMember", command.MemberId.ToString(), member?.PersonId.Value, household.OwnerAgency));
            await db.SaveChangesAsync(cancellationToken);
            throw NotFoundException.For("Household member", command.MemberId);
        }

        HouseholdRules.EnsureOwner(household, currentUser.Actor);
        household.EndMember(member.Id, command.To!.Value);
        audit.Record("household.end-member", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Household", household.Id.ToString(), member.PersonId.Value, household.OwnerAgency), $"Until {member.To:yyyy-MM-dd}");
        return new HouseholdMemberView(member.Id, member.PersonId.Value, $"{person.GivenName} {person.FamilyName}", person.DateOfBirth,
            member.Relationship.ToString(), member.From, member.To);
    }
}
