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
    string? Address = null) : ICommand<PersonDetailsView>;

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPersonCommand>
{
    public RegisterPersonValidator(TimeProvider clock)
    {
        RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter the person's given name")
            .MaximumLength(100).WithMessage("Given name must be 100 characters or fewer");
        RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter the person's family name")
            .MaximumLength(100).WithMessage("Family name must be 100 characters or fewer");
        RuleFor(c => c.DateOfBirth).NotNull().WithMessage("Enter the person's date of birth")
            .Must(dob => dob <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("Date of birth must be in the past");
        RuleFor(c => c.Gender).MaximumLength(50).WithMessage("Gender must be 50 characters or fewer");
        RuleFor(c => c.Address).MaximumLength(500).WithMessage("Address must be 500 characters or fewer");
        RuleFor(c => c.Identifiers!.NhsNumber)
            .Must(nhs => string.IsNullOrWhiteSpace(nhs) || NhsNumber.IsValid(nhs))
            .WithMessage("Enter a valid NHS number: 10 digits with a correct check digit")
            .OverridePropertyName("identifiers.nhsNumber")
            .When(c => c.Identifiers is not null);
    }
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
