using CaseManager.Application.Claims;
using CaseManager.Application.Claims.GetClaimPreparer;
using CaseManager.Application.Claims.PrepareClaimBatch;
using CaseManager.Application.Claims.RequeueStalledPreparations;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Claims;
using CaseManager.Infrastructure.Identity;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// Prepares a claim (docs/claims.md, docs/adr/0022). The job's argument is the claim id only. It asks, as the
/// system actor, who prepared the claim, then sends <see cref="PrepareClaimBatchCommand"/> as that user, batch after
/// batch, each in a scope and transaction of its own, until the claim is Draft: the cases are read with the
/// preparer's access and no more. A retry (after a failure or a killed process) carries on after the last batch
/// that committed, and inserts lines only if absent, so it never duplicates one.
/// </summary>
public sealed partial class ClaimPreparationJob(IServiceScopeFactory scopes, ILogger<ClaimPreparationJob> logger)
{
    public async Task Run(Guid claimId, CancellationToken cancellationToken)
    {
        var id = new ClaimId(claimId);
        if ((Guid?)await scopes.SendAsSystemAsync(new GetClaimPreparerQuery(id), cancellationToken) is not { } preparer)
        {
            LogNothingToDo(claimId);
            return;
        }

        var actor = await PreparerAsync(preparer, cancellationToken);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
            ClaimPreparationProgress progress;
            try
            {
                progress = (ClaimPreparationProgress)(await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PrepareClaimBatchCommand(id), cancellationToken))!;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run of the same preparation (a retry overlapping a run thought dead) saved this batch
                // first; its lines are in, so read the claim again and carry on after it.
                LogOverlap(claimId);
                continue;
            }

            if (progress.Finished)
            {
                LogFinished(claimId, progress.Done);
                return;
            }
        }
    }

    /// <summary>The preparer as they would be signed in now: a disabled account, or one no longer a claims officer, prepares nothing.</summary>
    private async Task<Actor> PreparerAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindAsync(userId, cancellationToken);
        if (account is null || account.IsDisabled)
        {
            throw new InvalidOperationException($"The claim's preparer {userId} has no active account, so the claim cannot be prepared with their access.");
        }

        return Actor.ForUser(account.Id, account.Email, account.DisplayName, AgencyCode.Parse(account.AgencyCode), account.Roles);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} is not being prepared; nothing to do")]
    private partial void LogNothingToDo(Guid claimId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId}: another run saved the same batch first; carrying on after it")]
    private partial void LogOverlap(Guid claimId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} prepared: {Cases} cases read")]
    private partial void LogFinished(Guid claimId, int cases);
}

/// <summary>
/// The recurring <c>claim-preparations</c> sweep (docs/adr/0025): queues again, as the system actor, the preparations
/// that lost their job (<see cref="RequeueStalledPreparationsCommand"/>).
/// </summary>
public sealed class ClaimPreparationSweepJob(IServiceScopeFactory scopes)
{
    public Task Run(CancellationToken cancellationToken) => scopes.SendAsSystemAsync(new RequeueStalledPreparationsCommand(), cancellationToken);
}

/// <summary>Queues a claim's preparation in Hangfire (called after the command that created the claim commits).</summary>
public sealed class HangfireClaimPreparations(IBackgroundJobClient jobs) : IClaimPreparations
{
    public void Enqueue(ClaimId claimId) => jobs.Enqueue<ClaimPreparationJob>(job => job.Run(claimId.Value, CancellationToken.None));
}
