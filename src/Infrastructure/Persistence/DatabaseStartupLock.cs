using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// One process at a time migrates or seeds a SQLite database: an exclusive lock on <c>&lt;database&gt;.startup.lock</c>
/// beside the database file. The operating system releases it when its process ends, however it ends, so a lock
/// that is free means no instance is migrating — unlike EF Core's own SQLite migration lock, a row in
/// <c>__EFMigrationsLock</c> that a killed process leaves behind for ever. The file itself is left in place (deleting
/// it would let two processes hold locks on two different files). PostgreSQL needs none: EF Core locks it with a
/// session advisory lock, which the server frees when the session ends.
/// </summary>
public sealed partial class DatabaseStartupLock : IAsyncDisposable
{
    /// <summary>How long a start waits for another instance's migration or seeding before it gives up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly FileStream? _file;

    private DatabaseStartupLock(FileStream? file) => _file = file;

    /// <summary>The lock file of a SQLite database, or null for PostgreSQL.</summary>
    public static string? PathFor(CaseDbContext db) =>
        db.Database.IsSqlite()
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource) + ".startup.lock"
            : null;

    public static async Task<DatabaseStartupLock> AcquireAsync(CaseDbContext db, ILogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
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

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for another process to finish migrating or seeding the database (lock {LockFile} held, {Seconds} s so far)")]
    private static partial void LogWaiting(ILogger logger, string lockFile, int seconds);
}
