using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's planner statistics (<c>sqlite_stat1</c>) current. Without them the planner cannot tell a
/// person's ten cases from an agency's hundred thousand: on a million cases it read
/// <c>Cases WHERE OwnerAgency = ? AND PersonId = ?</c> through the owner index, 65 ms instead of 0.1 ms
/// (docs/performance.md). <c>ANALYZE</c> with an <c>analysis_limit</c> reads a sample of each index, not all of it:
/// 18 ms on the benchmark's 1 GB file. (<c>PRAGMA optimize</c> was tried first; it judged the tables fresh enough
/// and did nothing.) It runs at start-up and hourly (the <c>database-statistics</c> job). PostgreSQL keeps its own.
/// </summary>
public static class SqliteStatistics
{
    public static async Task RefreshAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
        }
    }
}
