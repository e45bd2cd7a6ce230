using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. Memory-mapped reads let the access rule's index searches (one per shared row of a
/// count) read pages from the operating system's cache without a system call each; the map is shared by every
/// connection, unlike SQLite's own page cache. Measured in docs/performance.md.
/// </summary>
internal sealed class SqlitePragmas(long mmapSizeBytes) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size={mmapSizeBytes.ToString(CultureInfo.InvariantCulture)};";
        command.ExecuteNonQuery();
    }
}
