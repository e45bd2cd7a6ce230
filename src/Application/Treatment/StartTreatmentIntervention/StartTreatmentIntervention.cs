using CaseManager.Application.Cases;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Treatment.StartTreatmentIntervention;

/// <summary>
/// Starts a treatment intervention on an open treatment case (DOMAIN.md DT1). Only the agency that owns the case
/// records its treatment; the intervention is health data (DT5) owned by that agency.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record StartTreatmentInterventionCommand(
    CaseId CaseId,
    TreatmentInterventionType? Type,
    DateOnly? StartDate,
    Medication? Medication = null,
    PrescribingMode? Mode = null,
    DateOnly? EndDate = null) : ICommand<TreatmentInterventionView>;

public sealed class StartTreatmentInterventionValidator : AbstractValidator<StartTreatmentInterventionCommand>
{
    public StartTreatmentInterventionValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Type).NotNull().WithMessage("Select the type of intervention").IsInEnum().WithMessage("Select a type of intervention from the list");
        RuleFor(c => c.StartDate).NotNull().WithMessage("Enter the start date")
            .Must(d => d is null || d <= clock.Today).WithMessage("The start date cannot be in the future");
        RuleFor(c => c.EndDate).Must(d => d is null || d <= clock.Today).WithMessage("The end date cannot be in the future")
            .Must((c, d) => d is null || c.StartDate is null || d >= c.StartDate).WithMessage("The end date cannot be before the start date");
        RuleFor(c => c.Medication).NotNull().When(c => c.Type == TreatmentInterventionType.Pharmacological).WithMessage("Select the medication")
            .IsInEnum().WithMessage("Select a medication from the list");
        RuleFor(c => c.Medication).Null().When(c => c.Type is not null and not TreatmentInterventionType.Pharmacological)
            .WithMessage("Only a pharmacological intervention has a medication");
        RuleFor(c => c.Mode).NotNull().When(c => TreatmentTerms.IsSubstitute(c.Medication))
            .WithMessage("Say whether the prescription is maintenance or reduction").IsInEnum().WithMessage("Select maintenance or reduction");
        RuleFor(c => c.Mode).Null().When(c => !TreatmentTerms.IsSubstitute(c.Medication))
            .WithMessage("Only opioid substitution (methadone or buprenorphine) is maintenance or reduction");
    }
}

public sealed class StartTreatmentInterventionHandler(IAppDbContext db, CaseGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<StartTreatmentInterventionCommand, TreatmentInterventionView>
{
    public async ValueTask<TreatmentInterventionView> Handle(StartTreatmentInterventionCommand command, CancellationToken cancellationToken)
    {
        var onCase = await gate.OwnedAsync(command.CaseId, "treatment-intervention.start", cancellationToken);
        var actor = currentUser.Actor;
        var started = TreatmentIntervention.Start(onCase, command.Type!.Value, command.Medication, command.Mode, command.StartDate!.Value, command.EndDate,
            actor.RequireUserId(), clock.Today, clock.Now);
        db.TreatmentInterventions.Add(started);
        audit.Record("treatment-intervention.start", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("TreatmentIntervention", started.Id.ToString(), started.PersonId.Value, started.OwnerAgency),
            $"{started.Type} from {started.StartDate:yyyy-MM-dd} on case {onCase.Id}");
        return TreatmentInterventionView.From(started, actor.DisplayName, access: null);
    }
}
