using CaseManager.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// The <c>database-statistics</c> recurring job: refreshes SQLite's planner statistics as the data grows
/// (<see cref="SqliteStatistics"/>). It reads and writes no case data, so it is not a command. Does nothing on PostgreSQL.
/// </summary>
public sealed class DatabaseStatisticsJob(IServiceScopeFactory scopes)
{
    public async Task Run(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SqliteStatistics.RefreshAsync(scope.ServiceProvider.GetRequiredService<CaseDbContext>(), cancellationToken);
    }
}
