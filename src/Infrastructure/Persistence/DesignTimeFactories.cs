using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCaseDbContext>
{
    public SqliteCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCaseDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCaseDbContext>
{
    public PostgresCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCaseDbContext>().UseNpgsql("Host=localhost;Database=casemanager_design").Options);
}
