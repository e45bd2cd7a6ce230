using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Offences.RecordOffence;

/// <summary>
/// Records an offence a person committed, and its conviction if known (DOMAIN.md IOM7). It belongs to the
/// recording agency and to the person rather than a case, so offending before selection counts in the measures.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordOffenceCommand(PersonId PersonId, string? OffenceType, DateOnly? CommittedOn, DateOnly? ConvictedOn = null, string? Outcome = null)
    : ICommand<OffenceView>;

public sealed class RecordOffenceValidator : AbstractValidator<RecordOffenceCommand>
{
    public RecordOffenceValidator(PartnershipClock clock)
    {
        RuleFor(c => c.OffenceType).NotEmpty().WithMessage("Select the offence type").MaximumLength(40)
            .Matches(OffenceType.CodePattern).WithMessage("Select an offence type from the list");
        RuleFor(c => c.CommittedOn).NotNull().WithMessage("Enter the date of the offence")
            .Must(d => d <= clock.Today).WithMessage("The date of the offence cannot be in the future");
        RuleFor(c => c.ConvictedOn).Must(d => d <= clock.Today).When(c => c.ConvictedOn is not null).WithMessage("The conviction date cannot be in the future")
            .GreaterThanOrEqualTo(c => c.CommittedOn).When(c => c.ConvictedOn is not null && c.CommittedOn is not null)
            .WithMessage("The conviction date cannot be before the offence");
        RuleFor(c => c.Outcome).MaximumLength(200).WithMessage("The outcome must be 200 characters or fewer");
        RuleFor(c => c.OffenceType).PlainText();
        RuleFor(c => c.Outcome).PlainText();
    }
}

public sealed class RecordOffenceHandler(IAppDbContext db, PersonGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RecordOffenceCommand, OffenceView>
{
    public async ValueTask<OffenceView> Handle(RecordOffenceCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "offence.record", cancellationToken);
        var code = command.OffenceType!.Trim();
        var type = await db.OffenceTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure(nameof(command.OffenceType), "Select an offence type from the list")]);
        var actor = currentUser.Actor;
        var offence = Offence.Record(command.PersonId, type.Code, command.CommittedOn!.Value, command.ConvictedOn, command.Outcome,
            actor.RequireAgency(), actor.RequireUserId(), clock.Now, clock.Today);
        db.Offences.Add(offence);
        audit.Record("offence.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Offence", offence.Id.ToString(), command.PersonId.Value, offence.OwnerAgency), $"{type.Name} on {offence.CommittedOn:yyyy-MM-dd}");
        return OffenceView.From(offence, type.Name, access: null);
    }
}
