using Npgsql;

namespace CaseManager.TestSupport;

/// <summary>
/// The web host in its multi-node mode: PostgreSQL for case data and for Hangfire, on a database of its own that
/// is dropped afterwards. The server comes from CASEMANAGER_TEST_POSTGRES (run-tests.sh starts one).
/// </summary>
public sealed class PostgresFactory : CaseManagerFactory
{
    public const string EnvironmentVariable = "CASEMANAGER_TEST_POSTGRES";

    private readonly string _database = $"casemanager_test_{Guid.NewGuid():N}";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable);

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ToString();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:CaseManager", ConnectionString),
        new("ConnectionStrings:Hangfire", ConnectionString),

        // The PostgreSQL tests count the claim lines and families of worlds they build.
        new("Demo:OutcomeFamilies", "false"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ServerConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ToString());
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
            catch (PostgresException exception)
            {
                // Clean-up only: a database left behind (for example while a pooled connection is still closing)
                // is harmless and must not fail the run; say which one so it can be dropped by hand.
                Console.Error.WriteLine($"Could not drop test database {_database}: {exception.MessageText}");
            }
        }
    }
}
