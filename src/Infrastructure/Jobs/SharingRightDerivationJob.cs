using CaseManager.Application.Common.Access;
using CaseManager.Application.Sharing.DeriveSharingRights;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// The <c>sharing-right-derivations</c> job (ADR 0026): works out the sharing rights and case readers a change to an
/// agreement or to an agency's schemes allows, one <see cref="DeriveSharingRightsCommand"/> per batch of people,
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
            batch = (SharingRightDerivationBatch)(await scopes.SendAsSystemAsync(new DeriveSharingRightsCommand(), cancellationToken))!;
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

/// <summary>
/// Starts the derivation after the change that needs it commits: its first batch at once, in the request, so that a
/// partnership of up to one batch of people (a demo, a small area) has the new access when the IG lead's page comes
/// back; whatever is left (of it, or of a derivation queued behind it) goes to the job in Hangfire. The first batch
/// holds the writers' lock for one batch, as the job's do, and a failure here only leaves the work to the job.
/// </summary>
public sealed partial class HangfireSharingRightDerivations(
    IBackgroundJobClient jobs, IServiceScopeFactory scopes, IOptions<JobOptions> options, ILogger<HangfireSharingRightDerivations> logger)
    : ISharingRightDerivations
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DeriveFirstBatchInRequest && await FirstBatchFoundNothingAsync(cancellationToken))
        {
            return;
        }

        jobs.Enqueue<SharingRightDerivationJob>(job => job.Run(CancellationToken.None));
    }

    /// <summary>Works out one batch; true only when no derivation was waiting at all (nothing for the job to do).</summary>
    private async Task<bool> FirstBatchFoundNothingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var first = (SharingRightDerivationBatch)(await scopes.SendAsSystemAsync(new DeriveSharingRightsCommand(), cancellationToken))!;
            return first.DerivationId is null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFirstBatchFailed(exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first batch of a sharing-right derivation failed in the request; the job will work it out")]
    private partial void LogFirstBatchFailed(Exception exception);
}
