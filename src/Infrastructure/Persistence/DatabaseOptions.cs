namespace CaseManager.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary><c>Database:*</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. On by default in Development only; production runs <c>migrate</c>.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>SQLite only: how much of the database file is read through a memory map (0 turns it off). Default 1024 MB.</summary>
    public int SqliteMemoryMapMegabytes { get; set; } = 1024;

    /// <summary>
    /// Commit the audit entries of concurrent reads together, each read still answered only once its own entries are
    /// committed (ADR 0027). On by default; off writes each read's entries in a transaction of its own.
    /// </summary>
    public bool AuditGroupCommit { get; set; } = true;
}
