using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Households;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Households.RecordHousehold;

/// <summary>A caseworker records a household (DOMAIN.md FAM2); its members are added one by one, with dates.</summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordHouseholdCommand(string? Name = null, string? Address = null) : ICommand<HouseholdView>;

public sealed class RecordHouseholdValidator : AbstractValidator<RecordHouseholdCommand>
{
    public RecordHouseholdValidator()
    {
        RuleFor(c => c.Name).PlainText().MaximumLength(200).WithMessage("The household name must be 200 characters or fewer");
        RuleFor(c => c.Address).MultilineText().MaximumLength(500).WithMessage("The address must be 500 characters or fewer");
    }
}

public sealed class RecordHouseholdHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<RecordHouseholdCommand, HouseholdView>
{
    public ValueTask<HouseholdView> Handle(RecordHouseholdCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var household = Household.Record(command.Name, command.Address, actor.RequireAgency(), actor.RequireUserId(), clock.GetUtcNow());
        db.Households.Add(household);
        audit.Record("household.create", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Household", household.Id.ToString(), OwnerAgency: household.OwnerAgency));
        return ValueTask.FromResult(new HouseholdView(
            household.Id.Value, household.Name, household.Address, household.OwnerAgency.Value, household.DataCategory.ToString(),
            household.Version, household.CreatedAt, [], []));
    }
}
