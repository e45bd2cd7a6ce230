using CaseManager.Application.Agencies;
using CaseManager.Application.Cases;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Interventions.LogIntervention;

/// <summary>
/// Logs a piece of work on an open case (DOMAIN.md IOM4). Any worker whose agency takes part in the case's scheme
/// and may see the case logs work on it (police and probation work IOM cases together); the entry belongs to the
/// worker's agency and its category follows from its kind, so partners see it exactly as the sharing rule allows.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record LogInterventionCommand(
    CaseId CaseId,
    InterventionType? Type,
    DateTimeOffset? OccurredAt,
    int? DurationMinutes = null,
    string? Outcome = null,
    string? Notes = null,
    DrugTestResult? Result = null,
    IReadOnlyList<Substance>? Substances = null) : ICommand<InterventionView>;

public sealed class LogInterventionValidator : AbstractValidator<LogInterventionCommand>
{
    public LogInterventionValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Type).NotNull().WithMessage("Select the type of intervention").IsInEnum().WithMessage("Select a type of intervention from the list");
        RuleFor(c => c.OccurredAt).NotNull().WithMessage("Enter when it happened")
            .Must(at => at <= clock.Now).WithMessage("The date and time cannot be in the future");
        RuleFor(c => c.DurationMinutes).InclusiveBetween(0, 1440).WithMessage("The duration must be between 0 and 1440 minutes");
        RuleFor(c => c.Outcome).MaximumLength(200).WithMessage("The outcome must be 200 characters or fewer");
        RuleFor(c => c.Notes).MaximumLength(4000).WithMessage("Notes must be 4000 characters or fewer");
        RuleFor(c => c.Outcome).PlainText();
        RuleFor(c => c.Notes).MultilineText();
        RuleFor(c => c.Result).NotNull().When(c => c.Type == InterventionType.DrugTest).WithMessage("Select the drug test result")
            .IsInEnum().WithMessage("Select the drug test result");
        RuleFor(c => c.Result).Null().When(c => c.Type != InterventionType.DrugTest).WithMessage("Only a drug test has a result");
        RuleFor(c => c.Substances).Empty().When(c => c.Result != DrugTestResult.Positive).WithMessage("Substances are recorded only for a positive drug test");
        RuleForEach(c => c.Substances).IsInEnum().WithMessage("Select substances from the list");
    }
}

public sealed class LogInterventionHandler(IAppDbContext db, CaseGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<LogInterventionCommand, InterventionView>
{
    public async ValueTask<InterventionView> Handle(LogInterventionCommand command, CancellationToken cancellationToken)
    {
        var onCase = await gate.ReadableAsync(command.CaseId, "intervention.log", cancellationToken);
        var actor = currentUser.Actor;
        var agency = actor.RequireAgency();
        var scheme = onCase.Scheme;
        if (onCase.OwnerAgency != agency && !await db.TakesPartAsync(agency, scheme, cancellationToken))
        {
            throw new ForbiddenAccessException($"{agency} does not take part in {scheme}, so it cannot log work on this case.");
        }

        var occurredAt = command.OccurredAt!.Value;
        var occurredOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurredAt, clock.Zone).DateTime);
        var work = Intervention.Log(
            onCase,
            new InterventionDetails(command.Type!.Value, occurredAt, command.DurationMinutes, command.Outcome, command.Notes, command.Result, command.Substances),
            occurredOn,
            agency,
            actor.RequireUserId(),
            clock.Now);
        db.Interventions.Add(work);
        audit.Record("intervention.log", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Intervention", work.Id.ToString(), work.PersonId.Value, agency), $"{work.Type} on case {onCase.Id}");
        return InterventionView.From(work, actor.DisplayName, access: null);
    }
}
