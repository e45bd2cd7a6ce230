using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. Memory-mapped reads let the access rule's index searches (one per shared row of a
/// count) read pages from the operating system's cache without a system call each; the map is shared by every
/// connection, unlike SQLite's own page cache. Measured in docs/performance.md.
/// Applied once per SQLite connection: Microsoft.Data.Sqlite pools them, and EF Core opens and closes one several
/// times a request, so the pooled handle remembers that it has them.
/// </summary>
internal sealed class SqlitePragmas(long mmapSizeBytes) : DbConnectionInterceptor
{
    private static readonly object Applied = new();
    private readonly ConditionalWeakTable<object, object> _applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        object? handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && _applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size={mmapSizeBytes.ToString(CultureInfo.InvariantCulture)};";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            _applied.AddOrUpdate(handle, Applied);
        }
    }
}
