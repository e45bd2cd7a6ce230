using CaseManager.Application.Common.Validation;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Application.Treatment;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Cases.Exits.ApproveExit;

/// <summary>
/// A manager of the owning agency approves an exit nomination: the case is exited (today, or the date given) and
/// refuses later work. Four eyes: whoever nominated can never approve (403).
/// </summary>
[RequiresPolicy(Policies.ManageCases)]
public sealed record ApproveExitCommand(CaseId CaseId, string? Note = null, DateOnly? ExitedOn = null) : ICommand<CaseView>;

public sealed class ApproveExitValidator : AbstractValidator<ApproveExitCommand>
{
    public ApproveExitValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Note).MaximumLength(4000).WithMessage("The note must be 4000 characters or fewer");
        RuleFor(c => c.Note).MultilineText();
        RuleFor(c => c.ExitedOn).Must(d => d is null || d <= clock.Today).WithMessage("The exit date cannot be in the future");
    }
}

public sealed class ApproveExitHandler(CaseGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, CaseNames names, ReviewPlanner reviews, TreatmentEpisodes treatment)
    : ICommandHandler<ApproveExitCommand, CaseView>
{
    public async ValueTask<CaseView> Handle(ApproveExitCommand command, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(command.CaseId, "case.exit-approve", cancellationToken);
        var decider = currentUser.Actor.RequireUserId();
        ExitDecisions.EnsureNotOwnNomination(found, decider);
        found.ApproveExit(decider, command.Note, command.ExitedOn ?? clock.Today, clock.Now);
        await reviews.CancelAllAsync(found, clock.Now, cancellationToken);
        await treatment.DischargeAsync(found, cancellationToken);
        audit.Record("case.exit-approve", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency), $"Exited on {found.ExitedOn:yyyy-MM-dd}");
        return await names.ViewAsync(found, explanation: null, cancellationToken);
    }
}

public static class ExitDecisions
{
    /// <summary>The four-eyes rule (DOMAIN.md IOM6), answered as "forbidden" before the case is touched.</summary>
    public static void EnsureNotOwnNomination(Case found, Guid decider)
    {
        if (found.PendingExitNomination is { } pending && pending.NominatedBy == decider)
        {
            throw new ForbiddenAccessException("You nominated this exit, so another manager must decide it.");
        }
    }
}
