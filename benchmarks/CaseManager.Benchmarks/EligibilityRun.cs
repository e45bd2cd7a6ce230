using System.Diagnostics;
using System.Linq.Expressions;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Households.GetHouseholdTimeline;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.TroubledFamilies;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CaseManager.Benchmarks -- --eligibility [households ...]</c>: a timed
/// console mode (docs/performance.md "Troubled Families eligibility", docs/families.md). For each size (default
/// 100,000) it makes a fresh SQLite file with the demo partnership and that many households of four with twenty
/// outcome records each (<see cref="FamilyGenerator"/>, <see cref="FamilyShape.Eligibility"/>), then:
/// <list type="bullet">
/// <item>works out phase 1 (TF1) and phase 2 (TF4) eligibility as at today for every household the reader may see,
/// as the council's claims officer and as FIT's manager: the readable households by keyset in batches of 500, each
/// batch in a scope of its own (after reading the readable ids, as the coordinator's list does) through the application's <see cref="IFamilyFactsReader"/> and engines, so that
/// nothing is held across batches; it prints the time, the eligible counts and the peak managed heap sampled every
/// 20 ms (above the heap before the sweep) at a tenth of the way and at the end, to show whether memory stays flat;</item>
/// <item>reads the first page of a sample of households' timelines through the application's <see cref="TimelineReader"/>
/// with the real access rule and with a pass-through one (the same query unfiltered, as <see cref="AccessBenchmarks"/>
/// compares them), and through the whole query (<see cref="GetHouseholdTimelineQuery"/>), and prints the ratio.</item>
/// </list>
/// </summary>
public static class EligibilityRun
{
    private const int BatchSize = 500;
    private const int TimelineSample = 40;
    private const int TimelineRepeats = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var sizes = BenchmarkData.NumbersAfter(args, "--eligibility");
        if (sizes.Count == 0)
        {
            sizes.Add(100_000);
        }

        // --reuse: the file a run of that size made earlier, migrated, instead of generating again (19 minutes at
        // 100,000); --timeline-only: the household timeline and its plans, without the eligibility sweeps.
        var reuse = args.Contains("--reuse");
        var timelineOnly = args.Contains("--timeline-only");
        foreach (var households in sizes)
        {
            await RunOnceAsync(households, reuse, timelineOnly, output);
        }

        output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        return 0;
    }

    private static async Task RunOnceAsync(int households, bool reuse, bool timelineOnly, TextWriter output)
    {
        // One file a size (eligibility-2000/eligibility-2000.db), so that --reuse finds each size's data again.
        var name = $"eligibility-{households}";
        var path = reuse ? Path.Combine(BenchmarkData.Folder, name, $"{name}.db") : BenchmarkData.FreshFile(name);
        var capture = new Explain.CommandCapture { Enabled = false };
        using var host = new BenchmarkHost(path, capture);
        var generating = Stopwatch.StartNew();
        if (reuse)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"No {path} to reuse: run --eligibility {households} without --reuse first.");
            }

            // Migrating applies indexes added since the file was made and refreshes the planner's statistics.
            using var session = host.Open(Actor.System);
            await Infrastructure.Persistence.DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            output.WriteLine($"Reused {path}, migrated in {generating.Elapsed.TotalSeconds:N1} s");
        }
        else
        {
            await FamilyGenerator.GenerateAsync(host, households, FamilyShape.Eligibility, done =>
            {
                if (done % 20_000 == 0)
                {
                    output.WriteLine($"  {done:N0} households in {generating.Elapsed.TotalSeconds:N0} s");
                }
            });
        }

        generating.Stop();
        await BenchmarkData.RefreshStatisticsAsync(host);
        using (var session = host.Open(Actor.System))
        {
            var db = session.Db;
            var people = await db.People.CountAsync();
            var records = await db.AsbRecords.CountAsync() + await db.EducationRecords.CountAsync() + await db.EmploymentRecords.CountAsync()
                + await db.LocalCriterionRecords.CountAsync() + await db.Offences.CountAsync();
            output.WriteLine($"{(reuse ? "Data" : "Generated")}: {households:N0} households ({await db.Households.CountAsync():N0} with the demo's), {people:N0} people, {records:N0} outcome records and offences"
                + (reuse ? string.Empty : $" in {generating.Elapsed.TotalSeconds:N0} s ({generating.Elapsed.TotalMilliseconds / households:N2} ms a household)")
                + $"; file {new FileInfo(path).Length / 1_048_576.0:N0} MB");
        }

        if (!timelineOnly)
        {
            foreach (var (email, role) in new[] { ("claims@council.demo", Role.ClaimsOfficer), ("manager@fit.demo", Role.Manager) })
            {
                var actor = await ActorAsync(host, email, role);
                await SweepAsync(host, actor, output);
            }
        }

        var manager = await ActorAsync(host, "manager@fit.demo", Role.Manager);
        await TimelineRatioAsync(host, manager, output);
        await TimelinePlansAsync(host, capture, path, manager, output);
        output.WriteLine($"Peak working set of the process (generation included): {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:N0} MB");
    }

    private static async Task<Actor> ActorAsync(BenchmarkHost host, string email, Role role)
    {
        using var session = host.Open(Actor.System);
        var user = await session.Db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.Id, u.Email, u.DisplayName, u.AgencyCode }).SingleAsync();
        return Actor.ForUser(user.Id, user.Email ?? email, user.DisplayName ?? email, AgencyCode.Parse(user.AgencyCode), [role]);
    }

    /// <summary>Both phases for every readable household, batch by batch, each batch in its own scope.</summary>
    private static async Task SweepAsync(BenchmarkHost host, Actor actor, TextWriter output)
    {
        var options = host.Services.GetRequiredService<IOptions<EligibilityOptions>>().Value;
        var today = host.Services.GetRequiredService<PartnershipClock>().Today;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new HeapSampler(baseline);
        var stopwatch = Stopwatch.StartNew();
        int total = 0, batches = 0, phase1 = 0, phase2 = 0, members = 0, evidence = 0;
        long tenthPeak = 0;
        var live = new List<long>();
        List<HouseholdId> readable;
        using (var session = host.Open(actor))
        {
            // The readable households' ids first, as TroubledFamiliesList reads its candidates (16 bytes each).
            readable = await session.Access.ReadableHouseholds(session.Db.Households.AsNoTracking()).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
        }

        foreach (var batch in readable.Chunk(BatchSize))
        {
            using var session = host.Open(actor);
            var facts = await session.Scope.ServiceProvider.GetRequiredService<IFamilyFactsReader>().ReadHouseholdsAsync(batch, today, CancellationToken.None);
            foreach (var family in facts.Values)
            {
                var first = Eligibility.For(1, family, today, options);
                var second = Eligibility.For(2, family, today, options);
                phase1 += first.Eligible ? 1 : 0;
                phase2 += second.Eligible ? 1 : 0;
                members += family.Members.Count;
                evidence += first.Criteria.Sum(c => c.Evidence.Count) + second.Criteria.Sum(c => c.Evidence.Count);
            }

            total += batch.Length;
            batches++;
            if (tenthPeak == 0 && total >= readable.Count / 10)
            {
                tenthPeak = sampler.Peak;
            }

            // The live heap (after a full collection) at each tenth of the way: what the sweep holds, without garbage.
            if (total >= (live.Count + 1) * readable.Count / 10.0)
            {
                live.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        stopwatch.Stop();
        var peak = sampler.Stop();
        output.WriteLine(
            $"Eligibility as {actor.Email} ({actor.Agency}): {total:N0} readable households ({batches:N0} batches of {BatchSize}), {members:N0} members seen; "
            + $"phase 1 eligible {phase1:N0}, phase 2 eligible {phase2:N0}, {evidence:N0} evidence lines; "
            + $"{stopwatch.Elapsed.TotalSeconds:N1} s, {stopwatch.Elapsed.TotalMilliseconds / Math.Max(1, total):N3} ms a household; "
            + $"peak managed heap above the {baseline / 1_048_576.0:N1} MB before: {(tenthPeak - baseline) / 1_048_576.0:N1} MB at a tenth, {(peak - baseline) / 1_048_576.0:N1} MB at the end; "
            + $"live heap after a full collection at each tenth: {string.Join(" / ", live.Select(l => $"{l / 1_048_576.0:N1}"))} MB");
    }

    /// <summary>
    /// The household timeline's first page for a sample of households: the same <see cref="TimelineReader"/> read with the
    /// real access rule and with a pass-through one, each the median of <see cref="TimelineRepeats"/> runs, and the whole query.
    /// </summary>
    private static async Task TimelineRatioAsync(BenchmarkHost host, Actor actor, TextWriter output)
    {
        List<HouseholdId> sample;
        using (var session = host.Open(actor))
        {
            var readable = await session.Access.ReadableHouseholds(session.Db.Households.AsNoTracking()).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
            var step = Math.Max(1, readable.Count / TimelineSample);
            sample = [.. readable.Where((_, i) => i % step == 0).Take(TimelineSample)];
        }

        if (sample.Count == 0)
        {
            output.WriteLine($"Household timeline: {actor.Email} may see no household");
            return;
        }

        var paging = new GetHouseholdTimelineQuery(sample[0]);
        double filtered = 0, unfiltered = 0, whole = 0;
        int filteredEntries = 0, unfilteredEntries = 0;
        foreach (var household in sample)
        {
            // Warm once, then time.
            var (f, fTotal) = await MedianAsync(() => TimelineAsync(host, actor, household, paging, passThrough: false));
            var (u, uTotal) = await MedianAsync(() => TimelineAsync(host, actor, household, paging, passThrough: true));
            var (w, _) = await MedianAsync(async () =>
            {
                using var session = host.Open(actor);
                var page = await session.Scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetHouseholdTimelineQuery(household));
                return page.Total;
            });
            filtered += f;
            unfiltered += u;
            whole += w;
            filteredEntries += fTotal;
            unfilteredEntries += uTotal;
        }

        output.WriteLine(
            $"Household timeline as {actor.Email}, first page of {sample.Count} households (median of {TimelineRepeats} each): "
            + $"filtered {filtered / sample.Count:N1} ms ({filteredEntries:N0} entries in all), unfiltered {unfiltered / sample.Count:N1} ms ({unfilteredEntries:N0} entries); "
            + $"ratio {filtered / unfiltered:N2}; the whole query (GetHouseholdTimelineQuery) {whole / sample.Count:N1} ms");
    }

    /// <summary>
    /// SQLite's plan and time for every statement of one household's first timeline page (a household in the middle of
    /// the readable ones), with the real access rule and unfiltered: which sources the rule makes the planner scan.
    /// </summary>
    private static async Task TimelinePlansAsync(BenchmarkHost host, Explain.CommandCapture capture, string path, Actor actor, TextWriter output)
    {
        HouseholdId household;
        using (var session = host.Open(actor))
        {
            var readable = await session.Access.ReadableHouseholds(session.Db.Households.AsNoTracking()).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
            if (readable.Count == 0)
            {
                return;
            }

            household = readable[readable.Count / 2];
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var paging = new GetHouseholdTimelineQuery(household);
        foreach (var passThrough in new[] { false, true })
        {
            await TimelineAsync(host, actor, household, paging, passThrough);
            capture.Commands.Clear();
            capture.ReaderTime = TimeSpan.Zero;
            capture.Enabled = true;
            var wall = Stopwatch.StartNew();
            await TimelineAsync(host, actor, household, paging, passThrough);
            wall.Stop();
            capture.Enabled = false;
            // The timeline's own reads: not the audit trail's writes nor the user names.
            var commands = capture.Commands.Where(c => !c.Sql.Contains("\"AuditEntries\"", StringComparison.Ordinal) && !c.Sql.StartsWith("INSERT", StringComparison.Ordinal)).ToList();
            output.WriteLine();
            output.WriteLine($"### Household timeline plans, household {household.Value}, {(passThrough ? "unfiltered" : $"as {actor.Email}, with the access rule")}: "
                + $"{capture.Commands.Count} queries took {capture.ReaderTime.TotalMilliseconds:N1} ms of the read's {wall.Elapsed.TotalMilliseconds:N1} ms; the {commands.Count} reads other than the audit trail's:");
            var scans = await Explain.PlansAsync(output, connection, commands, timeRuns: 6);
            output.WriteLine($"Full scans: {(scans.Count == 0 ? "none" : string.Join(", ", scans.Select(s => $"statement {s.Command} {s.Table}")))}");
        }
    }

    private static async Task<(double Milliseconds, int Total)> MedianAsync(Func<Task<int>> read)
    {
        var total = await read();
        var times = new List<double>();
        for (var i = 0; i < TimelineRepeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await read();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], total);
    }

    /// <summary>The timeline over every membership of the household, as the handler scopes it, with the rule or without.</summary>
    private static async Task<int> TimelineAsync(BenchmarkHost host, Actor actor, HouseholdId household, IPagedRequest paging, bool passThrough)
    {
        using var session = host.Open(actor);
        var members = await session.Db.Households.AsNoTracking().Where(h => h.Id == household)
            .SelectMany(h => h.Members).Select(m => new { m.PersonId, m.From, m.To }).ToListAsync();
        var services = session.Scope.ServiceProvider;
        var reader = passThrough
            ? ActivatorUtilities.CreateInstance<TimelineReader>(services, (IRecordAccess)new PassThroughAccess())
            : services.GetRequiredService<TimelineReader>();
        var scope = new TimelineScope([.. members.Select(m => new TimelineWindow(m.PersonId, m.From, m.To))], household);
        var page = await reader.ReadAsync(scope, paging,
            new TimelineAudit("household.timeline", "household.timeline-entry", AccessRule.Owner, new AuditSubject("Household", household.Value.ToString())),
            CancellationToken.None);
        return page.Total;
    }

    /// <summary>Every record readable and nothing to explain: the same reads with no access filter.</summary>
    private sealed class PassThroughAccess : IRecordAccess
    {
        public IQueryable<T> Readable<T>(IQueryable<T> source)
            where T : class, IAgencyOwned => source;

        public IQueryable<Household> ReadableHouseholds(IQueryable<Household> source) => source;

        public Task<int> CountCaseloadAsync(Scheme? scheme, IReadOnlyCollection<CaseStatus>? statuses, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<RecordAccessExplanation?> ExplainAsync(PersonId personId, AgencyCode owner, DataCategory category, CancellationToken cancellationToken) =>
            Task.FromResult<RecordAccessExplanation?>(null);

        public Task<IReadOnlyDictionary<TKey, RecordAccessExplanation>> ExplainManyAsync<T, TKey>(
            IQueryable<T> records, Expression<Func<T, TKey>> key, CancellationToken cancellationToken)
            where T : class, IAgencyOwned
            where TKey : notnull =>
            Task.FromResult<IReadOnlyDictionary<TKey, RecordAccessExplanation>>(new Dictionary<TKey, RecordAccessExplanation>());
    }
}

/// <summary>Samples the managed heap every 20 ms until stopped; <see cref="Peak"/> is the highest sample so far.</summary>
public sealed class HeapSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public HeapSampler(long baseline)
    {
        _peak = baseline;
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                try
                {
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public long Peak => Interlocked.Read(ref _peak);

    public long Stop()
    {
        _stop.Cancel();
        _sampling.Wait();
        return Peak;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
