using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Claims.ValidateClaimLine;

/// <summary>
/// Internal audit signs a line off (DOMAIN.md TF5): a second person, another claims officer, never the claim's
/// preparer (403). Only validated lines are submitted.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record ValidateClaimLineCommand(ClaimId ClaimId, ClaimLineId LineId, string? Note) : ICommand<ClaimLineItem>;

public sealed class ValidateClaimLineValidator : AbstractValidator<ValidateClaimLineCommand>
{
    public ValidateClaimLineValidator()
    {
        RuleFor(c => c.Note).MaximumLength(2000).WithMessage("The note must be 2000 characters or fewer");
        RuleFor(c => c.Note).MultilineText();
    }
}

public sealed class ValidateClaimLineHandler(ClaimReads reads, IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<ValidateClaimLineCommand, ClaimLineItem>
{
    public async ValueTask<ClaimLineItem> Handle(ValidateClaimLineCommand command, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(command.ClaimId, cancellationToken);
        var line = await reads.GetLineAsync(claim, command.LineId, cancellationToken);
        var by = ClaimDecisions.EnsureSecondPerson(claim, currentUser.Actor);
        db.ClaimLineDecisions.Add(claim.Validate(line, by, command.Note, clock.Now));
        audit.Record("claim.line-validate", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("ClaimLine", line.Id.ToString()),
            $"Claim {claim.Id}: {ClaimOutcomes.Describe(line.Outcome)} for case {line.CaseId}, £{line.Amount:0.00}");
        return ClaimReads.Item(line);
    }
}

/// <summary>TF5's second person, checked before the domain does so that the preparer is refused with 403 <c>claims.second-person</c>.</summary>
public static class ClaimDecisions
{
    public static Guid EnsureSecondPerson(Claim claim, Actor actor)
    {
        var by = actor.RequireUserId();
        if (claim.IsPreparedBy(by))
        {
            throw new ForbiddenAccessException("A second person checks each line: you prepared this claim, so another claims officer must validate or reject its lines.", "claims.second-person");
        }

        return by;
    }
}
