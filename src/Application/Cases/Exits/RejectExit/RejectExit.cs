using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Cases.Exits.RejectExit;

/// <summary>A manager of the owning agency rejects an exit nomination, saying why; the case goes back to Active.</summary>
[RequiresPolicy(Policies.ManageCases)]
public sealed record RejectExitCommand(CaseId CaseId, string? Note) : ICommand<CaseView>;

public sealed class RejectExitValidator : AbstractValidator<RejectExitCommand>
{
    public RejectExitValidator()
    {
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say why the nomination is rejected")
            .MaximumLength(4000).WithMessage("The note must be 4000 characters or fewer");
        RuleFor(c => c.Note).MultilineText();
    }
}

public sealed class RejectExitHandler(CaseGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, CaseNames names, ReviewPlanner reviews)
    : ICommandHandler<RejectExitCommand, CaseView>
{
    public async ValueTask<CaseView> Handle(RejectExitCommand command, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(command.CaseId, "case.exit-reject", cancellationToken);
        var decider = currentUser.Actor.RequireUserId();
        ExitDecisions.EnsureNotOwnNomination(found, decider);
        found.RejectExit(decider, command.Note, clock.Now);
        await reviews.CloseExitDecisionAsync(found, clock.Now, cancellationToken);
        audit.Record("case.exit-reject", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency));
        return await names.ViewAsync(found, explanation: null, cancellationToken);
    }
}
