using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.People.RegisterPerson;

/// <summary>A caseworker records a new person; the record is owned by the caseworker's agency.</summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RegisterPersonCommand(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    string? Gender = null,
    PersonIdentifierValues? Identifiers = null,
    string? Address = null) : ICommand<PersonDetailsView>, IPersonDetailsInput;

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPersonCommand>
{
    public RegisterPersonValidator(TimeProvider clock) => Include(new PersonDetailsRules(clock));
}

public sealed class RegisterPersonHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<RegisterPersonCommand, PersonDetailsView>
{
    public ValueTask<PersonDetailsView> Handle(RegisterPersonCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var details = new PersonDetails(
            command.GivenName,
            command.FamilyName,
            command.DateOfBirth!.Value,
            command.Gender,
            command.Identifiers?.ToDomain(),
            command.Address);
        var person = Person.Register(details, actor.RequireAgency(), actor.RequireUserId(), clock.GetUtcNow());
        db.People.Add(person);
        audit.Record("person.create", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Person", person.Id.ToString(), person.Id.Value, person.OwnerAgency));
        return ValueTask.FromResult(PersonProjections.ToDetails(person, access: null));
    }
}
