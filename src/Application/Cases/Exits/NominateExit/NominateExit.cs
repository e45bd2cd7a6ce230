using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Cases.Exits.NominateExit;

/// <summary>
/// A worker of the owning agency nominates a person to leave a scheme, with the reason and the evidence for it
/// (DOMAIN.md IOM6). The case becomes ExitNominated until a manager decides. One workflow for every scheme.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record NominateExitCommand(CaseId CaseId, ExitReason? Reason, string? Note, string? Evidence = null) : ICommand<CaseView>;

public sealed class NominateExitValidator : AbstractValidator<NominateExitCommand>
{
    public NominateExitValidator()
    {
        RuleFor(c => c.Reason).NotNull().WithMessage("Select the reason for exit").IsInEnum().WithMessage("Select a reason from the list");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Explain why the person should leave the scheme")
            .MaximumLength(4000).WithMessage("The note must be 4000 characters or fewer");
        RuleFor(c => c.Evidence).MaximumLength(4000).WithMessage("The evidence must be 4000 characters or fewer");
        RuleFor(c => c.Note).MultilineText();
        RuleFor(c => c.Evidence).MultilineText();
    }
}

public sealed class NominateExitHandler(CaseGate gate, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, CaseNames names, ReviewPlanner reviews)
    : ICommandHandler<NominateExitCommand, CaseView>
{
    public async ValueTask<CaseView> Handle(NominateExitCommand command, CancellationToken cancellationToken)
    {
        var found = await gate.OwnedAsync(command.CaseId, "case.exit-nominate", cancellationToken);
        found.NominateExit(command.Reason!.Value, command.Note, command.Evidence, currentUser.Actor.RequireUserId(), clock.Now);
        reviews.ScheduleExitDecision(found, clock.Today, clock.Now);
        audit.Record("case.exit-nominate", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency), command.Reason.ToString());
        return await names.ViewAsync(found, explanation: null, cancellationToken);
    }
}
