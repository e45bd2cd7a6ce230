using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Treatment.EndTreatmentIntervention;

/// <summary>Ends a treatment intervention on a day (DT1); moving from maintenance to reduction is an end and a new start.</summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record EndTreatmentInterventionCommand(CaseId CaseId, TreatmentInterventionId InterventionId, DateOnly? EndDate) : ICommand<TreatmentInterventionView>;

public sealed class EndTreatmentInterventionValidator : AbstractValidator<EndTreatmentInterventionCommand>
{
    public EndTreatmentInterventionValidator(PartnershipClock clock) =>
        RuleFor(c => c.EndDate).NotNull().WithMessage("Enter the end date")
            .Must(d => d is null || d <= clock.Today).WithMessage("The end date cannot be in the future");
}

public sealed class EndTreatmentInterventionHandler(IAppDbContext db, CaseGate gate, IAuditTrail audit, IUserDirectory users, PartnershipClock clock)
    : ICommandHandler<EndTreatmentInterventionCommand, TreatmentInterventionView>
{
    public async ValueTask<TreatmentInterventionView> Handle(EndTreatmentInterventionCommand command, CancellationToken cancellationToken)
    {
        var onCase = await gate.OwnedAsync(command.CaseId, "treatment-intervention.end", cancellationToken);
        var given = await db.TreatmentInterventions.SingleOrDefaultAsync(i => i.Id == command.InterventionId && i.CaseId == onCase.Id, cancellationToken)
            ?? throw NotFoundException.For("TreatmentIntervention", command.InterventionId);
        given.End(onCase, command.EndDate!.Value, clock.Today);
        audit.Record("treatment-intervention.end", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("TreatmentIntervention", given.Id.ToString(), given.PersonId.Value, given.OwnerAgency), $"Ended {given.EndDate:yyyy-MM-dd}");
        var names = await users.DisplayNamesAsync([given.RecordedBy], cancellationToken);
        return TreatmentInterventionView.From(given, names.GetValueOrDefault(given.RecordedBy), access: null);
    }
}
