using CaseManager.Application.Common.Access;
using CaseManager.Application.Sharing.DeriveSharingRights;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// The <c>sharing-right-derivations</c> job (ADR 0026): works out the sharing rights and case readers a change to an
/// agreement or to an agency's schemes allows, one <see cref="DeriveSharingRightsBatchCommand"/> per batch of people,
/// each in a scope and transaction of its own, so that the writers' lock is held for one batch at most. Progress is
/// saved with every batch, so a job stopped part way (a killed process, a deployment) carries on from there when it
/// runs again. It runs as a recurring job every minute, which also picks up work whose queued run was lost, and is
/// queued at once after the change that needs it commits. Two runs at once take turns batch by batch under the lock.
/// </summary>
public sealed partial class SharingRightDerivationJob(IServiceScopeFactory scopes, ILogger<SharingRightDerivationJob> logger)
{
    public async Task Run(CancellationToken cancellationToken)
    {
        SharingRightDerivationBatch batch;
        do
        {
            batch = (SharingRightDerivationBatch)(await scopes.SendAsSystemAsync(new DeriveSharingRightsBatchCommand(), cancellationToken))!;
            if (batch.DerivationId is { } id && batch.Finished)
            {
                LogFinished(id, batch.Done);
            }
        }
        while (batch.DerivationId is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sharing rights worked out again after derivation {DerivationId}: {People} people")]
    private partial void LogFinished(Guid derivationId, int people);
}

/// <summary>Queues the derivation job in Hangfire (after the change that needs it commits).</summary>
public sealed class HangfireSharingRightDerivations(IBackgroundJobClient jobs) : ISharingRightDerivations
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.Enqueue<SharingRightDerivationJob>(job => job.Run(CancellationToken.None));
        return Task.CompletedTask;
    }
}
