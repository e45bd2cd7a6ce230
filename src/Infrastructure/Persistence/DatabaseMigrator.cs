using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Applies migrations; for SQLite it first creates the file's folder, takes the <see cref="DatabaseStartupLock"/>
/// and clears a stale EF Core migration lock, and afterwards turns on write-ahead logging. Derived data a migration
/// introduces is filled in after it.
/// </summary>
public static partial class DatabaseMigrator
{
    public static async Task MigrateAsync(CaseDbContext db, CancellationToken cancellationToken, TimeSpan? lockTimeout = null)
    {
        var logger = (ILogger?)db.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseMigrator).FullName!) ?? NullLogger.Instance;
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var startupLock = await DatabaseStartupLock.AcquireAsync(db, logger, lockTimeout ?? DatabaseStartupLock.DefaultTimeout, cancellationToken);
        if (db.Database.IsSqlite())
        {
            await ClearStaleMigrationLockAsync(db, logger, cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, pending[^1]);
        }

        await db.Database.MigrateAsync(cancellationToken);

        // Sharing rights and case readers are derived data (ADR 0015, 0016): a database that had agreements,
        // consents and cases before their tables existed gets them worked out once, here; from then on every save
        // keeps them in step.
        if (pending.Any(m => m.EndsWith("_SharingRights", StringComparison.Ordinal) || m.EndsWith("_CaseReaders", StringComparison.Ordinal)))
        {
            await db.RebuildSharingRightsAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await SqliteStatistics.RefreshAsync(db, cancellationToken);
        if (pending.Count > 0)
        {
            LogApplied(logger, pending.Count);
        }
    }

    /// <summary>
    /// EF Core locks a SQLite database for migrating by inserting the row <c>Id = 1</c> into <c>__EFMigrationsLock</c>
    /// and deleting it when done; a process killed in between leaves the row, and every later migrate waits for it
    /// for ever. We hold the <see cref="DatabaseStartupLock"/>, so no other instance of ours is migrating: the row is
    /// stale and is removed.
    /// </summary>
    private static async Task ClearStaleMigrationLockAsync(CaseDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\" LIMIT 1";
            if (await read.ExecuteScalarAsync(cancellationToken) is not { } takenAt)
            {
                return;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            await delete.ExecuteNonQueryAsync(cancellationToken);
            LogStaleLockCleared(logger, Convert.ToString(takenAt, System.Globalization.CultureInfo.InvariantCulture) ?? "?");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations (up to {Last})")]
    private static partial void LogApplying(ILogger logger, int count, string last);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migrations applied")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed a stale EF Core migration lock taken at {TakenAt}: the process that took it ended without releasing it (for example it was killed while migrating)")]
    private static partial void LogStaleLockCleared(ILogger logger, string takenAt);
}
