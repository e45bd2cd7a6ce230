using CaseManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// Each provider's migrations describe the model the code has (ADR 0009): a change to an entity without a migration
/// for both providers, or two migrations merged with an out-of-date snapshot, fails here rather than at a deployment.
/// </summary>
public sealed class MigrationModelTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        context.Database.HasPendingModelChanges().Should().BeFalse("run dotnet ef migrations add for the SQLite context");
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        context.Database.HasPendingModelChanges().Should().BeFalse("run dotnet ef migrations add for the PostgreSQL context");
    }
}
