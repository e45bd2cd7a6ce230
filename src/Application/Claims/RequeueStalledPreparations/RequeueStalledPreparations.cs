using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims.RequeueStalledPreparations;

/// <summary>
/// The recurring sweep of claim preparations (docs/adr/0025): a claim still Preparing whose preparation has not moved
/// for <see cref="ClaimOptions.PreparationStalledAfter"/> lost its job (the process died between the commit and the
/// enqueue, or the job failed for good), so it is queued again, at most <see cref="ClaimOptions.PreparationRequeues"/>
/// times. The job is idempotent (ADR 0022), so queueing one that was only slow duplicates nothing. After the last
/// attempt the claim page says the preparation has stopped and offers to cancel it.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record RequeueStalledPreparationsCommand : ICommand<int>;

public sealed class RequeueStalledPreparationsHandler(IAppDbContext db, IAuditTrail audit, PartnershipClock clock, AfterCommit afterCommit, IClaimPreparations queue, IOptions<ClaimOptions> options)
    : ICommandHandler<RequeueStalledPreparationsCommand, int>
{
    /// <summary>At most this many claims a sweep; the next sweep takes the rest.</summary>
    public const int MaxPerSweep = 100;

    public async ValueTask<int> Handle(RequeueStalledPreparationsCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.Now;
        var stalledBefore = now - settings.PreparationStalledAfter;
        var stalled = await db.Claims
            .Where(c => c.Status == ClaimStatus.Preparing && c.PreparationActiveAt < stalledBefore && c.Requeues < settings.PreparationRequeues)
            .OrderBy(c => c.PreparationActiveAt)
            .Take(MaxPerSweep)
            .ToListAsync(cancellationToken);
        foreach (var claim in stalled)
        {
            claim.Requeue(now);
            audit.Record("claim.requeue", AuditOutcome.Allowed, AccessRule.System, new AuditSubject("Claim", claim.Id.ToString()),
                $"Preparation had not moved since {claim.PreparedAt:yyyy-MM-dd HH:mm} or its last batch; queued again (attempt {claim.Requeues} of {settings.PreparationRequeues}) after {claim.Done} of {claim.Total} cases");
            var id = claim.Id;
            afterCommit.Add(_ =>
            {
                queue.Enqueue(id);
                return Task.CompletedTask;
            });
        }

        return stalled.Count;
    }
}
