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

namespace CaseManager.Application.Outcomes.RecordEmployment;

/// <summary>
/// Records a spell of an adult's working life (DOMAIN.md TF1 (c), TF2, TF4): an out-of-work benefit (with its type:
/// TF4 tells former JSA claimants from others), work, the Work Programme or ESF provision, from a day (to a day).
/// API.md's body has no benefit: an out-of-work benefit spell recorded without one is recorded as
/// <see cref="BenefitType.Other"/> (<see cref="RecordEmploymentHandler.DefaultBenefit"/>), which TF4 counts as "not JSA".
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordEmploymentCommand(
    PersonId PersonId, EmploymentKind? Kind, DateOnly? From, DateOnly? To = null, string? Detail = null, BenefitType? Benefit = null) : ICommand<EmploymentRecordView>;

public sealed class RecordEmploymentValidator : AbstractValidator<RecordEmploymentCommand>
{
    public RecordEmploymentValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of record").IsInEnum().WithMessage("Select a kind of record from the list");
        RuleFor(c => c.Benefit).IsInEnum().WithMessage("Select a benefit from the list");
        RuleFor(c => c.Benefit).Null().When(c => c.Kind is not null and not EmploymentKind.OutOfWorkBenefit)
            .WithMessage("Only an out-of-work benefit spell has a benefit");
        RuleFor(c => c.From).NotNull().WithMessage("Enter the start date")
            .Must(d => d is null || d <= clock.Today).WithMessage("The start date cannot be in the future");
        RuleFor(c => c.To).Must(d => d is null || d <= clock.Today).WithMessage("The end date cannot be in the future")
            .Must((c, d) => d is null || c.From is null || d >= c.From).WithMessage("The end date cannot be before the start date");
        RuleFor(c => c.Detail).MaximumLength(200).WithMessage("The detail must be 200 characters or fewer").PlainText();
    }
}

public sealed class RecordEmploymentHandler(IAppDbContext db, PersonGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RecordEmploymentCommand, EmploymentRecordView>
{
    /// <summary>The benefit of an out-of-work benefit spell recorded without one (API.md's body has no such field).</summary>
    public const BenefitType DefaultBenefit = BenefitType.Other;

    public async ValueTask<EmploymentRecordView> Handle(RecordEmploymentCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "employment.record", cancellationToken);
        var actor = currentUser.Actor;
        var record = EmploymentRecord.Record(command.PersonId, command.Kind!.Value,
            command.Benefit ?? (command.Kind == EmploymentKind.OutOfWorkBenefit ? DefaultBenefit : null), command.From!.Value, command.To, command.Detail,
            actor.RequireAgency(), actor.RequireUserId(), clock.Now, clock.Today);
        db.EmploymentRecords.Add(record);
        audit.Record("employment.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("EmploymentRecord", record.Id.ToString(), command.PersonId.Value, record.OwnerAgency), $"{record.Kind} from {record.From:yyyy-MM-dd}");
        return EmploymentRecordView.Of(record, access: null);
    }
}
