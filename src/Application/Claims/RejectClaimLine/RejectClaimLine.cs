using CaseManager.Application.Claims.ValidateClaimLine;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Claims.RejectClaimLine;

/// <summary>A second person rejects a line with a note saying why (TF5); a rejected line is never submitted.</summary>
[RequiresPolicy(Policies.Claims)]
public sealed record RejectClaimLineCommand(ClaimId ClaimId, ClaimLineId LineId, string? Note) : ICommand<ClaimLineItem>;

public sealed class RejectClaimLineValidator : AbstractValidator<RejectClaimLineCommand>
{
    public RejectClaimLineValidator()
    {
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say why the line is rejected")
            .MaximumLength(2000).WithMessage("The note must be 2000 characters or fewer");
        RuleFor(c => c.Note).MultilineText();
    }
}

public sealed class RejectClaimLineHandler(ClaimReads reads, IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RejectClaimLineCommand, ClaimLineItem>
{
    public async ValueTask<ClaimLineItem> Handle(RejectClaimLineCommand command, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(command.ClaimId, cancellationToken);
        var line = await reads.GetLineAsync(claim, command.LineId, cancellationToken);
        var by = ClaimDecisions.EnsureSecondPerson(claim, currentUser.Actor);
        db.ClaimLineDecisions.Add(claim.Reject(line, by, command.Note, clock.Now));
        audit.Record("claim.line-reject", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("ClaimLine", line.Id.ToString()),
            $"Claim {claim.Id}: {ClaimOutcomes.Describe(line.Outcome)} for case {line.CaseId}");
        return ClaimReads.Item(line);
    }
}
