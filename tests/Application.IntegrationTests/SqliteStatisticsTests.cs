using CaseManager.Application.Jobs;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Planner statistics on the embedded database: without them SQLite read one person's cases of one agency through
/// the owner index. A few thousand cases are enough for the plan to show it.
/// </summary>
public sealed class SqliteStatisticsTests : IDisposable
{
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheStatisticsJob_GivesThePlannerStatistics_SoOnePersonsCasesAreFoundByPerson()
    {
        const string plan = """EXPLAIN QUERY PLAN SELECT * FROM "Cases" WHERE "OwnerAgency" = 'POLICE' AND "PersonId" = 'X'""";
        await _factory.QueryDbAsync(async db =>
        {
            // Many people with a few cases each, all owned by one agency: copies of the demo's people and cases.
            for (var i = 0; i < 9; i++)
            {
                await db.Database.ExecuteSqlRawAsync(CopyWithNewIds(await ColumnsAsync(db, "People"), "People", "\"Id\""));
            }

            await db.Database.ExecuteSqlRawAsync(
                $"""
                INSERT INTO "Cases" ("Id", "PersonId", "Scheme", "OwnerAgency", "DataCategory", "Status", "StartDate", "CreatedAt", "Version")
                SELECT {NewId}, p."Id", 'Iom', 'POLICE', 'Offending', 'Exited', '2025-01-01', 0, 1 FROM "People" AS p, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)
                """);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "sqlite_stat1" """);
            return 0;
        });
        var before = await CaseIndexStatisticsAsync();

        await ActivatorUtilities.CreateInstance<DatabaseStatisticsJob>(_factory.Services).Run(CancellationToken.None);
        var after = await PlanAsync(plan);

        // Since Cases.PersonId became nullable (family cases) the planner happens to guess this plan right without
        // statistics too, so the test checks that the job wrote the Cases indexes' statistics and the plan they give.
        before.Should().Be(0);
        (await CaseIndexStatisticsAsync()).Should().BeGreaterThan(0, "the job analyses the Cases indexes");
        after.Should().Contain("IX_Cases_PersonId_Scheme_Status", "statistics show a person has few cases and an agency many");
    }

    private Task<int> CaseIndexStatisticsAsync() =>
        _factory.QueryDbAsync(db => db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "sqlite_stat1" WHERE "tbl" = 'Cases'""").SingleAsync());

    // A new upper-case Guid, as EF stores them.
    private const string NewId = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    private static string CopyWithNewIds(IReadOnlyList<string> columns, string table, string key) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(c => c == key ? NewId : c))} FROM \"{table}\"";

    private static async Task<List<string>> ColumnsAsync(DbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
        {
            columns.Add($"\"{reader.GetString(0)}\"");
        }

        return columns;
    }

    private Task<string> PlanAsync(string sql) =>
        _factory.QueryDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join(" | ", lines);
        });

    [Fact]
    public async Task TheStatisticsJob_IsARecurringJob()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IRecurringJobs>().List();

        jobs.Should().Contain(j => j.Id == RecurringJobs.DatabaseStatistics && j.Cron == "45 * * * *");
    }
}
