using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Applies migrations; for SQLite it first creates the file's folder and turns on write-ahead logging. Derived data a
/// migration introduces is filled in after it.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(CaseDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
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
    }
}
