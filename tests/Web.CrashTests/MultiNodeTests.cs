using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace CaseManager.Web.CrashTests;

/// <summary>
/// Several nodes (docs/deployment.md): two real app processes on one real PostgreSQL database, as behind a load
/// balancer. A token from one works on the other, writes through both keep one valid audit chain, a recurring job
/// runs once per occurrence across the nodes, and a node killed mid-write loses nothing it acknowledged.
/// </summary>
public sealed class MultiNodeTests : IDisposable
{
    private readonly string _database = $"casemanager_nodes_{Guid.NewGuid():N}";
    private readonly AppInstance _instance = new();

    private static string Server => Environment.GetEnvironmentVariable("CASEMANAGER_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CASEMANAGER_TEST_POSTGRES must name a PostgreSQL server (run-tests.sh starts one).");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString();

    private AppProcess StartNode() => _instance.Start(
        ("Database:Provider", "PostgreSql"),
        ("ConnectionStrings:CaseManager", ConnectionString),
        ("ConnectionStrings:Hangfire", ConnectionString),
        ("Jobs:DatabaseStatisticsCron", "* * * * *"),
        ("Jobs:PollInterval", "00:00:01"));

    [Fact]
    public async Task TwoNodesOnOnePostgres_ShareTokensAuditChainAndJobs_AndAKilledNodeLosesNothingAcknowledged()
    {
        var a = StartNode();
        var b = StartNode();
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        // A token issued by one node is accepted by the other: the data-protection keys are in the shared database.
        var token = await TokenAsync(a, "iom.officer@police.demo");
        using var onA = Client(a, token);
        using var onB = Client(b, token);
        (await onB.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "a token from node A works on node B");

        // Writes through both nodes at once keep one audit chain.
        var writes = Enumerable.Range(0, 16).Select(i => RegisterAsync(i % 2 == 0 ? onA : onB, $"Node{i}"));
        var ids = await Task.WhenAll(writes);
        ids.Should().OnlyContain(id => id != null);
        using var ig = Client(b, await TokenAsync(b, "ig.lead@council.demo"));
        var chain = await ig.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));
        chain.GetProperty("valid").GetBoolean().Should().BeTrue(chain.ToString());

        // Node B is killed while it takes writes: every write it acknowledged is there when read through node A.
        var acknowledged = new List<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    if (await RegisterAsync(onB, $"Killed{i}") is { } id)
                    {
                        lock (acknowledged)
                        {
                            acknowledged.Add(id);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        });
        (await Database.EventuallyAsync(() => { lock (acknowledged) { return acknowledged.Count >= 10; } }, TimeSpan.FromSeconds(60))).Should().BeTrue();
        b.Kill();
        await stop.CancelAsync();
        await writer;
        foreach (var id in acknowledged)
        {
            (await onA.GetAsync(new Uri($"/api/v1/people/{id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, $"person {id} was acknowledged by node B before it died");
        }

        // With node B restarted, the recurring job (every minute here) runs once per occurrence across both nodes.
        var b2 = StartNode();
        await b2.WaitUntilReadyAsync();

        // The chain is still whole after the kill, read through the restarted node with the token issued before it.
        using var igOnB2 = Client(b2, await TokenAsync(a, "ig.lead@council.demo"));
        var after = await igOnB2.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));
        after.GetProperty("valid").GetBoolean().Should().BeTrue(after.ToString());
        after.GetProperty("entries").GetInt64().Should().BeGreaterThan(chain.GetProperty("entries").GetInt64(), "the writes before the kill were audited");

        var stopwatch = Stopwatch.StartNew();
        (await Database.EventuallyAsync(() => RecurringRuns().Total >= 2, TimeSpan.FromSeconds(150), everyMilliseconds: 1000))
            .Should().BeTrue($"the every-minute job should have run twice in {stopwatch.Elapsed.TotalSeconds:0} s");
        RecurringRuns().MostInOneMinute.Should().Be(1, "two nodes must not both run the same occurrence");
    }

    public void Dispose()
    {
        _instance.Dispose();
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ToString());
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        catch (PostgresException exception)
        {
            Console.Error.WriteLine($"Could not drop test database {_database}: {exception.MessageText}");
        }
    }

    /// <summary>
    /// Executions of the every-minute job: how many, and the most in any one minute's occurrence. An execution is a
    /// job entering Processing, so a second node picking up the same occurrence (or a re-run after a timeout) counts.
    /// </summary>
    private (long Total, long MostInOneMinute) RecurringRuns()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT COALESCE(SUM(n), 0), COALESCE(MAX(n), 0) FROM (
                SELECT date_trunc('minute', j.createdat) AS minute, COUNT(*) AS n
                FROM hangfire.job j
                JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId' AND p.value = '"database-statistics"'
                JOIN hangfire.state s ON s.jobid = j.id AND s.name = 'Processing'
                GROUP BY 1) runs
            """, connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static HttpClient Client(AppProcess node, string token)
    {
        var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(AppProcess node, string email)
    {
        var password = System.Text.RegularExpressions.Regex.Match(node.Output, "with the password '([^']+)'") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The demo password is not in the output:\n" + node.Output);
        using var response = await node.Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The new person's id once the node has answered 201, or null for any other answer.</summary>
    private static async Task<string?> RegisterAsync(HttpClient client, string familyName)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { givenName = "Sam", familyName, dateOfBirth = "1990-01-01" });
        return response.StatusCode == HttpStatusCode.Created
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()
            : null;
    }
}
