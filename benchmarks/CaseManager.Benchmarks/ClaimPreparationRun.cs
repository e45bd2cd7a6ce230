using System.Diagnostics;
using System.Globalization;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Claims;
using CaseManager.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CaseManager.Benchmarks -- --claims [families ...]</c>: a timed
/// console mode (docs/claims.md, docs/performance.md "Claim preparation"). For each size (default 400,000) it makes a
/// fresh SQLite file with the demo partnership and that many council Troubled Families families (a parent and a child,
/// the family case, and the records the results engine reads: ASB before entry for every family, none since for
/// two in three, a benefit then work for one in three), then prepares a phase 1 results claim for this month with the
/// real job (<see cref="ClaimPreparationJob"/>), as the council's claims officer, batch after batch. It reports the
/// time per family, the lines proposed and the peak managed heap sampled during the preparation only, so that sizes
/// with different numbers of batches show whether memory stays flat.
/// </summary>
public static class ClaimPreparationRun
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var sizes = BenchmarkData.NumbersAfter(args, "--claims");
        if (sizes.Count == 0)
        {
            sizes.Add(400_000);
        }

        // --reuse: the file a run of that size made earlier (claims-100000/claims-100000.db), migrated, its earlier
        // claim deleted, instead of generating again (32 minutes at 400,000), so that a change to the preparation
        // can be timed again over the same data.
        var reuse = args.Contains("--reuse");
        foreach (var families in sizes)
        {
            await RunOnceAsync(families, reuse, output);
        }

        output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        return 0;
    }

    private static async Task RunOnceAsync(int families, bool reuse, TextWriter output)
    {
        // One file a size, so that --reuse finds each size's data again.
        var name = $"claims-{families}";
        var path = reuse ? Path.Combine(BenchmarkData.Folder, name, $"{name}.db") : BenchmarkData.FreshFile(name);
        if (reuse && !File.Exists(path))
        {
            throw new InvalidOperationException($"No {path} to reuse: run --claims {families} without --reuse first.");
        }

        using var host = new BenchmarkHost(path);
        var generating = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var window = ClaimWindow.Parse(today.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var windowText = window.ToString();
        var council = AgencyCode.Parse("COUNCIL");
        Guid officer;
        if (reuse)
        {
            using var session = host.Open(Actor.System);
            // Migrating applies indexes added since the file was made; the earlier run's claim (never submitted, so
            // nothing else refers to it) is deleted so that this month's window is free again.
            await Infrastructure.Persistence.DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            var earlier = session.Db.Claims.Where(c => c.PreparedByAgency == council && c.Phase == 1 && c.Kind == ClaimKind.Results && c.Window == windowText).Select(c => c.Id);
            var deleted = await session.Db.ClaimLines.Where(l => earlier.Contains(l.ClaimId)).ExecuteDeleteAsync();
            await session.Db.Claims.Where(c => c.PreparedByAgency == council && c.Phase == 1 && c.Kind == ClaimKind.Results && c.Window == windowText).ExecuteDeleteAsync();
            officer = await session.Db.Users.Where(u => u.Email == "claims@council.demo").Select(u => u.Id).SingleAsync();
            output.WriteLine($"Reused {path} ({new FileInfo(path).Length / 1_048_576.0:N0} MB), migrated and the earlier claim's {deleted:N0} lines deleted in {generating.Elapsed.TotalSeconds:N1} s");
        }
        else
        {
            officer = await FamilyGenerator.GenerateAsync(host, families, FamilyShape.Claims, done =>
            {
                // Progress every tenth, with the process's memory: the generator keeps one batch at a time.
                if (done == 0 || done == families || done / Math.Max(1, families / 10) != (done - 2_000) / Math.Max(1, families / 10))
                {
                    output.WriteLine($"  {done:N0} families in {generating.Elapsed.TotalSeconds:N0} s, working set {Environment.WorkingSet / 1_048_576.0:N0} MB, CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:N1} s");
                }
            });
            output.WriteLine($"Generated {families:N0} Troubled Families families in {generating.Elapsed.TotalSeconds:N1} s; file {new FileInfo(path).Length / 1_048_576.0:N0} MB");
        }

        await BenchmarkData.RefreshStatisticsAsync(host);
        var userBefore = Process.GetCurrentProcess().UserProcessorTime;
        var systemBefore = Process.GetCurrentProcess().PrivilegedProcessorTime;

        ClaimId claimId;
        using (var session = host.Open(Actor.System))
        {
            var claim = Claim.Prepare(1, ClaimKind.Results, window, officer, council, now, today);
            session.Db.Claims.Add(claim);
            await session.Db.SaveChangesAsync();
            claimId = claim.Id;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        var stopwatch = new Stopwatch();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // The job's progress as the claim records it (done of total), read every two seconds from its own
            // session; at each tenth, the live heap after a full collection: what the job holds, without garbage.
            var tenth = 1;
            var read = Stopwatch.StartNew();
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                if (read.Elapsed >= TimeSpan.FromSeconds(2))
                {
                    read.Restart();
                    using var progress = host.Open(Actor.System);
                    var state = await progress.Db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(c => new { c.Done, c.Total }).SingleAsync();
                    if (state.Total > 0 && state.Done * 10 >= state.Total * tenth)
                    {
                        output.WriteLine($"  {state.Done:N0} of {state.Total:N0} read in {stopwatch.Elapsed.TotalSeconds:N0} s; live heap after a full collection " +
                            $"{(GC.GetTotalMemory(forceFullCollection: true) - baseline) / 1_048_576.0:N1} MB above the heap before, working set {Environment.WorkingSet / 1_048_576.0:N0} MB");
                        tenth = (int)(state.Done * 10 / state.Total) + 1;
                    }
                }

                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        stopwatch.Start();
        await host.Services.GetRequiredService<ClaimPreparationJob>().Run(claimId.Value, CancellationToken.None);
        stopwatch.Stop();
        // User against system CPU: system time is SQLite reading the file's pages by read() past the memory map.
        var user = Process.GetCurrentProcess().UserProcessorTime - userBefore;
        var system = Process.GetCurrentProcess().PrivilegedProcessorTime - systemBefore;
        await sampling.CancelAsync();
        await sampler;

        using var check = host.Open(Actor.System);
        var done = await check.Db.Claims.Where(c => c.Id == claimId).Select(c => new { c.Status, c.Done, c.Total }).SingleAsync();
        var lines = await check.Db.ClaimLines.CountAsync(l => l.ClaimId == claimId);
        var batches = (done.Total + 499) / 500;
        output.WriteLine(
            $"{families:N0} families, {done.Total:N0} cases with the demo's ({batches:N0} batches of 500): {done.Status}, {done.Done:N0} of {done.Total:N0} read, {lines:N0} lines; " +
            $"{stopwatch.Elapsed.TotalSeconds:N1} s, {stopwatch.Elapsed.TotalMilliseconds / families:N3} ms per family, CPU {user.TotalSeconds:N1} s user and {system.TotalSeconds:N1} s system; " +
            $"peak managed heap {(peak - baseline) / 1_048_576.0:N1} MB above the {baseline / 1_048_576.0:N1} MB before; " +
            $"peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:N0} MB");
    }

}
