using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.People.CorrectPersonDetails;

/// <summary>
/// Corrects a person's details. Only the owning agency edits the record. <see cref="Version"/> is the version the
/// editor read: if someone saved in between, the edit is refused (409) rather than silently overwriting theirs.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record CorrectPersonDetailsCommand(
    PersonId PersonId,
    int? Version,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    string? Gender = null,
    PersonIdentifierValues? Identifiers = null,
    string? Address = null) : ICommand<PersonDetailsView>, IPersonDetailsInput;

public sealed class CorrectPersonDetailsValidator : AbstractValidator<CorrectPersonDetailsCommand>
{
    public CorrectPersonDetailsValidator(TimeProvider clock)
    {
        Include(new PersonDetailsRules(clock));
        // Required: a correction without the version read would overwrite whatever was saved since.
        RuleFor(c => c.Version).NotNull().WithMessage("Send the version of the person you read")
            .GreaterThanOrEqualTo(0).WithMessage("Version must be the version you read");
    }
}

public sealed class CorrectPersonDetailsHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<CorrectPersonDetailsCommand, PersonDetailsView>
{
    public async ValueTask<PersonDetailsView> Handle(CorrectPersonDetailsCommand command, CancellationToken cancellationToken)
    {
        var agency = currentUser.Actor.RequireAgency();
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == command.PersonId && p.OwnerAgency == agency, cancellationToken)
            ?? throw await AccessAudit.RefuseAsync(db, audit, "person.correct",
                new AuditSubject("Person", command.PersonId.ToString(), command.PersonId.Value), "Person", command.PersonId, cancellationToken);

        if (person.Version != command.Version)
        {
            throw new DomainRuleException("concurrency.stale", "Someone else changed this record after you opened it. Reload it and try again.");
        }

        person.Correct(
            new PersonDetails(command.GivenName, command.FamilyName, command.DateOfBirth!.Value, command.Gender,
                command.Identifiers?.ToDomain(), command.Address),
            clock.GetUtcNow());
        audit.Record("person.correct", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Person", person.Id.ToString(), person.Id.Value, person.OwnerAgency));
        return PersonProjections.ToDetails(person, access: null);
    }
}
