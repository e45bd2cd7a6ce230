using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Outcomes.EndEmployment;

/// <summary>Ends an employment or benefit spell on its last day. Only the agency that recorded it may (403 for a reader of another agency).</summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record EndEmploymentCommand(PersonId PersonId, EmploymentRecordId RecordId, DateOnly? To) : ICommand<EmploymentRecordView>;

public sealed class EndEmploymentValidator : AbstractValidator<EndEmploymentCommand>
{
    public EndEmploymentValidator(PartnershipClock clock) =>
        RuleFor(c => c.To).NotNull().WithMessage("Enter the end date")
            .Must(d => d is null || d <= clock.Today).WithMessage("The end date cannot be in the future");
}

public sealed class EndEmploymentHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<EndEmploymentCommand, EmploymentRecordView>
{
    public async ValueTask<EmploymentRecordView> Handle(EndEmploymentCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "employment.end", cancellationToken);
        var record = await access.Readable(db.EmploymentRecords)
            .SingleOrDefaultAsync(r => r.Id == command.RecordId && r.PersonId == command.PersonId, cancellationToken)
            ?? throw NotFoundException.For("EmploymentRecord", command.RecordId);
        if (record.OwnerAgency != currentUser.Actor.RequireAgency())
        {
            throw new ForbiddenAccessException($"Only {record.OwnerAgency}, which recorded this spell, can end it.");
        }

        record.End(command.To!.Value, clock.Today);
        audit.Record("employment.end", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("EmploymentRecord", record.Id.ToString(), command.PersonId.Value, record.OwnerAgency), $"Ended {record.To:yyyy-MM-dd}");
        return EmploymentRecordView.Of(record, access: null);
    }
}
