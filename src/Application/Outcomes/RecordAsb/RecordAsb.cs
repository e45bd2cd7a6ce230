using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Outcomes.RecordAsb;

/// <summary>
/// Records anti-social behaviour by a person, or an action taken about it (DOMAIN.md TF1 (a), TF2). Offending data
/// owned by the recorder's agency; the recorder must be able to see the person.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordAsbCommand(PersonId PersonId, AsbKind? Kind, DateOnly? OccurredOn, string? Description = null) : ICommand<AsbRecordView>;

public sealed class RecordAsbValidator : AbstractValidator<RecordAsbCommand>
{
    public RecordAsbValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of record").IsInEnum().WithMessage("Select a kind of record from the list");
        RuleFor(c => c.OccurredOn).NotNull().WithMessage("Enter the date")
            .Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
        RuleFor(c => c.Description).MaximumLength(500).WithMessage("The description must be 500 characters or fewer").MultilineText();
    }
}

public sealed class RecordAsbHandler(IAppDbContext db, PersonGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RecordAsbCommand, AsbRecordView>
{
    public async ValueTask<AsbRecordView> Handle(RecordAsbCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "asb.record", cancellationToken);
        var actor = currentUser.Actor;
        var record = AsbRecord.Record(command.PersonId, command.Kind!.Value, command.OccurredOn!.Value, command.Description,
            actor.RequireAgency(), actor.RequireUserId(), clock.Now, clock.Today);
        db.AsbRecords.Add(record);
        audit.Record("asb.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("AsbRecord", record.Id.ToString(), command.PersonId.Value, record.OwnerAgency), $"{record.Kind} on {record.OccurredOn:yyyy-MM-dd}");
        return AsbRecordView.From(record, access: null);
    }
}
