using CaseManager.Application.Common.Access;
using CaseManager.Application.Sharing.CheckDerivedAccess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// The <c>derived-access-check</c> recurring job (docs/information-sharing.md): checks every person's sharing rights
/// and case readers against their facts, one <see cref="CheckDerivedAccessCommand"/> per batch of people, each in a
/// scope and transaction of its own so that writers wait for one batch at most. A retry starts again from the first
/// batch; a batch already put right has nothing left to repair.
/// </summary>
public sealed partial class DerivedAccessCheckJob(IServiceScopeFactory scopes, ILogger<DerivedAccessCheckJob> logger)
{
    public async Task Run(CancellationToken cancellationToken)
    {
        int skip = 0, repaired = 0;
        DerivedAccessCheck batch;
        do
        {
            batch = (DerivedAccessCheck)(await scopes.SendAsSystemAsync(new CheckDerivedAccessCommand(skip), cancellationToken))!;
            skip += batch.PeopleChecked;
            repaired += batch.Repaired.Count;
        }
        while (batch.More);

        LogChecked(skip, repaired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Derived access rows: {People} people checked, {Repaired} put right")]
    private partial void LogChecked(int people, int repaired);
}
