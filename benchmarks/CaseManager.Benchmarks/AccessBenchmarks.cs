using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CaseManager.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Benchmarks;

/// <summary>
/// Each read through <c>IRecordAccess.Readable</c> against the same read with no access filter (the baseline, so
/// that the Ratio column is filtered / unfiltered), for each reader scenario.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class AccessBenchmarks : IDisposable
{
    private BenchmarkHost? _host;
    private BenchmarkHost.Session? _session;
    private SqliteConnection? _connection;
    private PersonId _timelinePerson;

    [ParamsAllValues]
    public Scenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchmarkHost(BenchmarkData.DatabasePath);
        _session = _host.Open(Readers.ActorFor(Scenario));
        var family = Readers.TimelinePerson(Scenario);
        _timelinePerson = _session.Db.People.AsNoTracking().Where(p => p.FamilyName == family).Select(p => p.Id).Single();
        _connection = new SqliteConnection($"Data Source={BenchmarkData.DatabasePath}");
        _connection.Open();

        // The same memory map the application's connections get (Database:SqliteMemoryMapMegabytes), so the floor is fair.
        using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA mmap_size=1073741824;";
        pragma.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _connection?.Dispose();
        _session?.Dispose();
        _host?.Dispose();
        (_connection, _session, _host) = (null, null, null);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "Caseload, no filter")]
    [BenchmarkCategory("Caseload")]
    public Task<CaseloadPage> CaseloadUnfiltered() =>
        Queries.CaseloadAsync(Session.Db.Cases.AsNoTracking(), Readers.CaseloadScheme(Scenario));

    [Benchmark(Description = "Caseload, Readable")]
    [BenchmarkCategory("Caseload")]
    public Task<CaseloadPage> CaseloadReadable() =>
        Queries.ReadableCaseloadAsync(Session.Access, Session.Db.Cases.AsNoTracking(), Readers.CaseloadScheme(Scenario));

    [Benchmark(Description = "Caseload, hand SQL, no filter")]
    [BenchmarkCategory("Caseload")]
    public Task<(int Total, int Items)> CaseloadHandSql() =>
        Queries.CaseloadByHandAsync(_connection!, Readers.CaseloadScheme(Scenario));

    [Benchmark(Baseline = true, Description = "Caseload page only, no filter")]
    [BenchmarkCategory("CaseloadPage")]
    public Task<List<CaseItem>> CaseloadPageUnfiltered() =>
        Queries.FirstPageAsync(Session.Db.Cases.AsNoTracking(), Readers.CaseloadScheme(Scenario));

    [Benchmark(Description = "Caseload page only, Readable")]
    [BenchmarkCategory("CaseloadPage")]
    public Task<List<CaseItem>> CaseloadPageReadable() =>
        Queries.FirstPageAsync(Session.Access.Readable(Session.Db.Cases.AsNoTracking()), Readers.CaseloadScheme(Scenario));

    [Benchmark(Baseline = true, Description = "Timeline, no filter")]
    [BenchmarkCategory("Timeline")]
    public Task<List<CaseItem>> TimelineUnfiltered() =>
        Queries.TimelineAsync(Session.Db.Cases.AsNoTracking(), _timelinePerson);

    [Benchmark(Description = "Timeline, Readable")]
    [BenchmarkCategory("Timeline")]
    public Task<List<CaseItem>> TimelineReadable() =>
        Queries.TimelineAsync(Session.Access.Readable(Session.Db.Cases.AsNoTracking()), _timelinePerson);

    private BenchmarkHost.Session Session => _session ?? throw new InvalidOperationException("Setup has not run.");
}
