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

        foreach (var families in sizes)
        {
            await RunOnceAsync(families, output);
        }

        output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        return 0;
    }

    private static async Task RunOnceAsync(int families, TextWriter output)
    {
        var path = BenchmarkData.FreshFile("claims");
        using var host = new BenchmarkHost(path);
        var generating = Stopwatch.StartNew();
        var officer = await GenerateAsync(host, families);
        await BenchmarkData.RefreshStatisticsAsync(host);
        output.WriteLine($"Generated {families:N0} Troubled Families families in {generating.Elapsed.TotalSeconds:N1} s");

        ClaimId claimId;
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        using (var session = host.Open(Actor.System))
        {
            var claim = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse(today.ToString("yyyy-MM", CultureInfo.InvariantCulture)), officer, AgencyCode.Parse("COUNCIL"), now, today);
            session.Db.Claims.Add(claim);
            await session.Db.SaveChangesAsync();
            claimId = claim.Id;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
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
        var stopwatch = Stopwatch.StartNew();
        await host.Services.GetRequiredService<ClaimPreparationJob>().Run(claimId.Value, CancellationToken.None);
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;

        using var check = host.Open(Actor.System);
        var done = await check.Db.Claims.Where(c => c.Id == claimId).Select(c => new { c.Status, c.Done, c.Total }).SingleAsync();
        var lines = await check.Db.ClaimLines.CountAsync(l => l.ClaimId == claimId);
        var batches = (done.Total + 499) / 500;
        output.WriteLine(
            $"{families:N0} families, {done.Total:N0} cases with the demo's ({batches:N0} batches of 500): {done.Status}, {done.Done:N0} of {done.Total:N0} read, {lines:N0} lines; " +
            $"{stopwatch.Elapsed.TotalSeconds:N1} s, {stopwatch.Elapsed.TotalMilliseconds / families:N3} ms per family; " +
            $"peak managed heap {(peak - baseline) / 1_048_576.0:N1} MB above the {baseline / 1_048_576.0:N1} MB before; " +
            $"peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:N0} MB");
    }

    /// <summary>The demo partnership, then the families (<see cref="FamilyShape.Claims"/>); returns the claims officer's id.</summary>
    private static Task<Guid> GenerateAsync(BenchmarkHost host, int families) =>
        FamilyGenerator.GenerateAsync(host, families, FamilyShape.Claims);
}
