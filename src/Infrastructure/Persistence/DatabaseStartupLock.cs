using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// One process at a time migrates or seeds a SQLite database: an exclusive lock on <c>&lt;database&gt;.startup.lock</c>
/// beside the database file. The operating system releases it when its process ends, however it ends, so a lock
/// that is free means no instance is migrating — unlike EF Core's own SQLite migration lock, a row in
/// <c>__EFMigrationsLock</c> that a killed process leaves behind for ever. The file itself is left in place (deleting
/// it would let two processes hold locks on two different files). On PostgreSQL, where several nodes start at once
/// on one database (docs/deployment.md), it is a session advisory lock taken in the server's <c>postgres</c> database
/// (the case database may not exist yet: creating it is part of what is serialised), keyed by the case database's
/// name; the server frees it when the session ends, however the process ends.
/// </summary>
public sealed partial class DatabaseStartupLock : IAsyncDisposable
{
    /// <summary>How long a start waits for another instance's migration or seeding before it gives up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly FileStream? _file;
    private readonly NpgsqlConnection? _session;

    private DatabaseStartupLock(FileStream? file, NpgsqlConnection? session = null)
    {
        _file = file;
        _session = session;
    }

    /// <summary>The lock file of a SQLite database, or null for PostgreSQL.</summary>
    public static string? PathFor(CaseDbContext db) =>
        db.Database.IsSqlite()
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource) + ".startup.lock"
            : null;

    public static async Task<DatabaseStartupLock> AcquireAsync(CaseDbContext db, ILogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await AcquirePostgresAsync(db, logger, timeout, cancellationToken);
        }

        if (PathFor(db) is not { } path)
        {
            return new DatabaseStartupLock(null);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var started = TimeProvider.System.GetTimestamp();
        var nextLog = TimeSpan.Zero;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock held through the open file: flock on Linux and macOS, a share
                // mode on Windows. Both go with the process.
                return new DatabaseStartupLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException exception)
            {
                var waited = TimeProvider.System.GetElapsedTime(started);
                if (waited >= timeout)
                {
                    throw new TimeoutException(
                        $"Waited {timeout.TotalSeconds:0} s for another process to finish migrating or seeding the database; the lock on {path} is still held. " +
                        "Another CaseManager process (a web instance starting, or a 'migrate' command) is using this database: let it finish or stop it, " +
                        "then start again. The operating system releases the lock when that process ends; do not delete the file while it runs.",
                        exception);
                }

                if (waited >= nextLog)
                {
                    LogWaiting(logger, path, (int)waited.TotalSeconds);
                    nextLog = waited + LogEvery;
                }

                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }

        if (_session is not null)
        {
            // Closing the session releases its advisory lock.
            await _session.DisposeAsync();
        }
    }

    private static async Task<DatabaseStartupLock> AcquirePostgresAsync(CaseDbContext db, ILogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var database = target.Database ?? target.Username ?? "casemanager";
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("casemanager-startup:" + database)), 0);
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            // A server whose postgres database this account may not use: start as before, without serialising.
            LogNoPostgresLock(logger, exception.Message);
            await session.DisposeAsync();
            return new DatabaseStartupLock(null);
        }

        var started = TimeProvider.System.GetTimestamp();
        var nextLog = TimeSpan.Zero;
        while (true)
        {
            await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", session))
            {
                command.Parameters.AddWithValue("key", key);
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return new DatabaseStartupLock(null, session);
                }
            }

            var waited = TimeProvider.System.GetElapsedTime(started);
            if (waited >= timeout)
            {
                await session.DisposeAsync();
                throw new TimeoutException(
                    $"Waited {timeout.TotalSeconds:0} s for another node to finish migrating or seeding database {database}. Let it finish or stop it, then start again.");
            }

            if (waited >= nextLog)
            {
                LogWaiting(logger, "advisory lock for database " + database, (int)waited.TotalSeconds);
                nextLog = waited + LogEvery;
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting without the start-up lock: could not open the server's postgres database ({Reason}). Start one node at a time, or run 'migrate' once first.")]
    private static partial void LogNoPostgresLock(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for another process to finish migrating or seeding the database (lock {LockFile} held, {Seconds} s so far)")]
    private static partial void LogWaiting(ILogger logger, string lockFile, int seconds);
}
