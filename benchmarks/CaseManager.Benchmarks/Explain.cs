using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CaseManager.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>--explain</c>: for each scenario, the rows each read returns with and without the rule, the SQL EF sends and
/// SQLite's plan for it, and a quick timing. For looking at plans and choosing indexes; the numbers to quote come
/// from the BenchmarkDotNet run.
/// </summary>
public static class Explain
{
    public static async Task RunAsync(TextWriter output)
    {
        var capture = new CommandCapture();
        using var host = new BenchmarkHost(BenchmarkData.DatabasePath, capture);
        using var connection = new SqliteConnection($"Data Source={BenchmarkData.DatabasePath}");
        await connection.OpenAsync();
        output.WriteLine($"SQLite {connection.ServerVersion}");
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            using var session = host.Open(Readers.ActorFor(scenario));
            var scheme = Readers.CaseloadScheme(scenario);
            var family = Readers.TimelinePerson(scenario);
            var person = await session.Db.People.AsNoTracking().Where(p => p.FamilyName == family).Select(p => p.Id).SingleAsync();
            IQueryable<Case> All() => session.Db.Cases.AsNoTracking();
            IQueryable<Case> Readable() => session.Access.Readable(session.Db.Cases.AsNoTracking());

            output.WriteLine();
            output.WriteLine($"## {scenario}: {Readers.ActorFor(scenario).Agency} reading the {scheme} caseload and {family}'s timeline");
            var all = await Queries.CaseloadAsync(All(), scheme);
            var readable = await Queries.ReadableCaseloadAsync(session.Access, session.Db.Cases.AsNoTracking(), scheme);
            var counted = (await Queries.CaseloadAsync(Readable(), scheme)).Total;
            if (counted != readable.Total)
            {
                throw new InvalidOperationException($"CountCaseloadAsync says {readable.Total}, counting Readable(Cases) says {counted}.");
            }

            output.WriteLine($"Caseload: {all.Total} active {scheme} cases, {readable.Total} readable; owners of readable ones: "
                + await OwnersAsync(Readable().Where(c => c.Scheme == scheme && c.Status == CaseStatus.Active)));
            var timelineAll = await Queries.TimelineAsync(All(), person);
            var timelineReadable = await Queries.TimelineAsync(Readable(), person);
            output.WriteLine($"Timeline: {timelineAll.Count} cases, {timelineReadable.Count} readable: "
                + string.Join(", ", timelineReadable.Select(c => $"{c.Scheme}/{c.OwnerAgency}/{c.Status}")));

            output.WriteLine($"Building Readable(Cases) alone: {Mean(() => Readable().Expression):F3} ms; "
                + $"timeline readable {await MeanAsync(() => Queries.TimelineAsync(Readable(), person)):F3} ms, "
                + $"timeline all {await MeanAsync(() => Queries.TimelineAsync(All(), person)):F3} ms (medians of 300)");
            await PlanAsync(output, connection, capture, "Caseload count and page, Readable", () => Queries.ReadableCaseloadAsync(session.Access, session.Db.Cases.AsNoTracking(), scheme));
            await PlanAsync(output, connection, capture, "Caseload count and page, no filter", () => Queries.CaseloadAsync(All(), scheme));
            await PlanAsync(output, connection, capture, "Timeline, Readable", () => Queries.TimelineAsync(Readable(), person));
            await PlanAsync(output, connection, capture, "Timeline, no filter", () => Queries.TimelineAsync(All(), person));
        }
    }

    private static double Mean(Func<object> work) => MeanAsync(() => Task.FromResult(work())).GetAwaiter().GetResult();

    /// <summary>The median of 300 timed runs: the machine is shared, and the median shrugs off the runs that other work slowed.</summary>
    private static async Task<double> MeanAsync<T>(Func<Task<T>> work)
    {
        await work();
        var times = new double[300];
        for (var i = 0; i < times.Length; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await work();
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static async Task<string> OwnersAsync(IQueryable<Case> cases)
    {
        var owners = await cases.GroupBy(c => c.OwnerAgency).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return string.Join(", ", owners.OrderByDescending(o => o.Count).Select(o => $"{o.Key} {o.Count}"));
    }

    private static async Task PlanAsync<T>(TextWriter output, SqliteConnection connection, CommandCapture capture, string title, Func<Task<T>> read)
    {
        capture.Commands.Clear();
        await read();
        var commands = capture.Commands.ToList();
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await read();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine();
        output.WriteLine($"### {title}: median {times[times.Count / 2]:F2} ms of 7");
        await PlansAsync(output, connection, commands, timeRuns: 8);
    }

    /// <summary>
    /// Each command's SQL and SQLite's plan for it, and (when <paramref name="timeRuns"/> is above 1) the median time
    /// of the statement alone; returns the tables each plan reads with a full scan (SQLite's "SCAN t" without an index).
    /// </summary>
    public static async Task<List<(int Command, string Table)>> PlansAsync(
        TextWriter output, SqliteConnection connection, IReadOnlyList<(string Sql, List<(string Name, object? Value)> Parameters)> commands, int timeRuns)
    {
        var scans = new List<(int, string)>();
        for (var index = 0; index < commands.Count; index++)
        {
            var (sql, parameters) = commands[index];
            output.WriteLine("```sql");
            output.WriteLine(sql);
            output.WriteLine("```");
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            using var reader = await explain.ExecuteReaderAsync();
            var depth = new Dictionary<long, int> { [0] = 0 };
            var plan = new StringBuilder();
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt64(0);
                var parent = reader.GetInt64(1);
                depth[id] = depth.GetValueOrDefault(parent) + 1;
                var detail = reader.GetString(3);
                plan.Append(' ', 2 * depth[id]).AppendLine(detail);
                if (detail.StartsWith("SCAN ", StringComparison.Ordinal) && !detail.Contains(" USING ", StringComparison.Ordinal)
                    && !detail.StartsWith("SCAN CONSTANT", StringComparison.Ordinal))
                {
                    var alias = detail[5..].Split(' ')[0];
                    var table = Regex.Match(sql, $"\"(\\w+)\" AS \"{Regex.Escape(alias)}\"") is { Success: true } named ? named.Groups[1].Value : alias;
                    scans.Add((index + 1, table));
                }
            }

            output.WriteLine("```");
            output.Write(plan);
            output.WriteLine("```");
            if (timeRuns > 1)
            {
                output.WriteLine($"The statement alone, prepared and stepped through on a plain connection: median {await TimeRawAsync(connection, sql, parameters, timeRuns):F2} ms of {timeRuns - 1}");
            }
        }

        return scans;
    }

    private static async Task<double> TimeRawAsync(SqliteConnection connection, string sql, List<(string Name, object? Value)> parameters, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await TimeOnceAsync(connection, sql, parameters));
        }

        times.RemoveAt(0);
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>One statement, prepared and stepped through to its last row on a plain connection: milliseconds.</summary>
    public static async Task<double> TimeOnceAsync(SqliteConnection connection, string sql, List<(string Name, object? Value)> parameters)
    {
        var stopwatch = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Keeps the text and parameters of the commands EF sends, to ask SQLite for their plans.</summary>
    public sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        /// <summary>Off, nothing is kept: a long run (an eligibility sweep) would otherwise hold every command it sent.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The time the captured queries took: executing each, and then reading its rows until the reader is disposed.</summary>
        public TimeSpan ReaderTime { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                ReaderTime += eventData.Duration;
            }

            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (Enabled)
            {
                ReaderTime += eventData.Duration;
            }

            return base.DataReaderDisposing(command, eventData, result);
        }
    }
}
