using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.PrepareClaim;

/// <summary>
/// A claims officer starts a claim for a phase, kind and window (API.md "Payment-by-results claims"). The claim is
/// saved as Preparing and its preparation queued as a background job once this commits; the job reads the Troubled
/// Families cases with the preparer's access, in batches (<c>PrepareClaimBatchCommand</c>).
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record PrepareClaimCommand(int? Phase, ClaimKind? Kind, string? Window) : ICommand<ClaimCreated>;

public sealed record ClaimCreated(Guid Id);

public sealed class PrepareClaimValidator : AbstractValidator<PrepareClaimCommand>
{
    public PrepareClaimValidator()
    {
        RuleFor(c => c.Phase).NotNull().WithMessage("Select the programme phase")
            .Must(p => p is null or 1 or 2).WithMessage("The programme phase is 1 or 2");
        RuleFor(c => c.Kind).NotNull().WithMessage("Select what the claim is for").IsInEnum().WithMessage("Select what the claim is for");
        RuleFor(c => c.Window).NotEmpty().WithMessage("Enter the claim window, a month such as 2026-12")
            .Must(w => w is null || w.Length == 0 || ClaimWindow.TryParse(w, out _)).WithMessage("The claim window is a month written yyyy-mm, such as 2026-12");
        RuleFor(c => c.Window).PlainText();
    }
}

public sealed class PrepareClaimHandler(IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, AfterCommit afterCommit, IClaimPreparations queue)
    : ICommandHandler<PrepareClaimCommand, ClaimCreated>
{
    public async ValueTask<ClaimCreated> Handle(PrepareClaimCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var agency = actor.RequireAgency();
        var window = ClaimWindow.Parse(command.Window);
        var phase = command.Phase!.Value;
        var kind = command.Kind!.Value;

        // Claims are the agency's own: only this agency's claims take a window, and another agency's is never told of.
        // The unique index on (agency, phase, kind, window) is the guard; this gives the reason in words first.
        if (await db.Claims.AnyAsync(c => c.PreparedByAgency == agency && c.Phase == phase && c.Kind == kind && c.Window == window.ToString() && c.Status != ClaimStatus.Cancelled, cancellationToken))
        {
            throw WindowTaken(phase, kind, window);
        }

        var claim = Claim.Prepare(phase, kind, window, actor.RequireUserId(), agency, clock.Now, clock.Today);
        db.Claims.Add(claim);
        audit.Record("claim.prepare", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
            $"Phase {phase} {kind} claim for {window}");
        try
        {
            // Saved here, inside the command's transaction, so that two officers preparing the same window at the same
            // moment (both past the check above) meet the unique index here and the second is told why.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw WindowTaken(phase, kind, window);
        }

        afterCommit.Add(_ =>
        {
            queue.Enqueue(claim.Id);
            return Task.CompletedTask;
        });
        return new ClaimCreated(claim.Id.Value);
    }

    private static DomainRuleException WindowTaken(int phase, ClaimKind kind, ClaimWindow window) =>
        new("claims.window-taken", $"Your agency already has a phase {phase} {kind.ToString().ToLowerInvariant()} claim for {window}");
}
