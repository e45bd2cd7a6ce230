using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Claims.CancelClaim;

/// <summary>
/// A claims officer of the preparing agency gives up a claim that is still being prepared (docs/adr/0025): its
/// preparation is stuck, or it was started by mistake. The claim is kept as Cancelled, for its history; the lines
/// proposed so far are removed (nothing of it was validated or submitted) and its window is free again. A job still
/// running stops at its next batch. Only Preparing claims can be cancelled (<c>409 claims.not-preparing</c>).
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record CancelClaimCommand(ClaimId ClaimId) : ICommand<ClaimView>;

public sealed class CancelClaimHandler(ClaimReads reads, IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<CancelClaimCommand, ClaimView>
{
    public async ValueTask<ClaimView> Handle(CancelClaimCommand command, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(command.ClaimId, cancellationToken);
        claim.Cancel(currentUser.Actor.RequireUserId(), clock.Now);
        var removed = await db.ClaimLines.Where(l => l.ClaimId == claim.Id).ExecuteDeleteAsync(cancellationToken);
        audit.Record("claim.cancel", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
            $"Phase {claim.Phase} {claim.Kind} claim for {claim.Window} cancelled while preparing, after {claim.Done} of {claim.Total} cases; {removed} proposed lines removed");
        await db.SaveChangesAsync(cancellationToken);
        return await reads.ViewAsync(claim, cancellationToken);
    }
}
