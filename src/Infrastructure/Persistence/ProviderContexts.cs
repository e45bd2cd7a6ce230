using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>The embedded default: one SQLite file. Migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteCaseDbContext(DbContextOptions<SqliteCaseDbContext> options) : CaseDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time type: stored as UTC ticks, instants can be compared and ordered in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    // SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    protected override bool IsUniqueViolation(Exception? exception) =>
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}

/// <summary>The multi-node mode. Migrations in Persistence/Migrations/PostgreSql.</summary>
public sealed class PostgresCaseDbContext(DbContextOptions<PostgresCaseDbContext> options) : CaseDbContext(options)
{
    // Any fixed number will do: it names the lock that orders writers of the audit chain and of sharing rights.
    private const long AuditChainLockKey = 0x4341_5345_4155_4454;

    protected override bool IsUniqueViolation(Exception? exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    protected override Task LockWritersAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
}
