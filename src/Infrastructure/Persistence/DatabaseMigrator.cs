using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>Applies migrations; for SQLite it first creates the file's folder and turns on write-ahead logging.</summary>
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

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
