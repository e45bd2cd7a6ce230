using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Households.AddHouseholdMember;

/// <summary>
/// Adds a person the caller may see to a household for the days given (DOMAIN.md FAM2). Only the agency that
/// recorded the household changes its membership. While one of the household's family cases is open, the new member
/// counts as enrolled in its scheme for the sharing rule (IS7b) from the day they join.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record AddHouseholdMemberCommand(
    HouseholdId HouseholdId,
    PersonId PersonId,
    Relationship? Relationship,
    DateOnly? From,
    DateOnly? To = null) : ICommand<HouseholdMemberView>;

public sealed class AddHouseholdMemberValidator : AbstractValidator<AddHouseholdMemberCommand>
{
    public AddHouseholdMemberValidator()
    {
        RuleFor(c => c.PersonId.Value).NotEmpty().WithName("PersonId").WithMessage("Say which person joins the household");
        RuleFor(c => c.Relationship).NotNull().WithMessage("Select the member's relationship")
            .IsInEnum().WithMessage("Select ParentCarer, Child, Partner, Sibling or OtherAdult");
        RuleFor(c => c.From).NotNull().WithMessage("Enter the date the person joined the household");
        RuleFor(c => c.To).Must((c, to) => to is null || c.From is null || to >= c.From)
            .WithMessage("A membership cannot end before it starts");
    }
}

public sealed class AddHouseholdMemberHandler(IAppDbContext db, HouseholdReads reads, PersonGate gate, ICurrentUser currentUser, IAuditTrail audit)
    : ICommandHandler<AddHouseholdMemberCommand, HouseholdMemberView>
{
    public async ValueTask<HouseholdMemberView> Handle(AddHouseholdMemberCommand command, CancellationToken cancellationToken)
    {
        var household = await reads.GetForUpdateAsync(command.HouseholdId, "household.add-member", cancellationToken);
        HouseholdRules.EnsureOwner(household, currentUser.Actor);
        await gate.EnsureReadableAsync(command.PersonId, "household.add-member", cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == command.PersonId)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).SingleAsync(cancellationToken);

        var member = household.AddMember(command.PersonId, person.DateOfBirth, command.Relationship!.Value, command.From!.Value, command.To);
        audit.Record("household.add-member", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Household", household.Id.ToString(), command.PersonId.Value, household.OwnerAgency),
            $"{member.Relationship} from {member.From:yyyy-MM-dd}");
        return new HouseholdMemberView(member.Id, member.PersonId.Value, $"{person.GivenName} {person.FamilyName}", person.DateOfBirth,
            member.Relationship.ToString(), member.From, member.To);
    }
}
