using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using CaseManager.Infrastructure.Persistence;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CaseManager.Benchmarks [-- options]</c>. Makes the data file
/// when there is none (or it is a week old), then runs the benchmarks. Options: <c>--generate</c> makes the file
/// again and stops; <c>--explain</c> prints row counts, SQL and query plans instead of benchmarking; anything else
/// goes to BenchmarkDotNet (for example <c>--filter *Timeline*</c>). <c>--reviews [cases] [due]</c> times the
/// review-reminders job on a file of its own instead (<see cref="ReviewReminderRun"/>, docs/reviews-and-reminders.md);
/// <c>--treatment [adult a year] [young people a year] [years]</c> times the treatment report and export on a file of
/// its own (<see cref="TreatmentRun"/>, docs/performance.md; <c>--reuse</c> times the file made before,
/// <c>--report-only</c> leaves the exports out, <c>--plans</c> prints the report's plans);
/// <c>--claims [families ...]</c> times a results claim's preparation (<see cref="ClaimPreparationRun"/>, docs/performance.md);
/// <c>--eligibility [households ...]</c> times Troubled Families eligibility for every household and the household
/// timeline's filtered/unfiltered ratio (<see cref="EligibilityRun"/>, docs/performance.md);
/// <c>--partnership-report [households] [adult episodes a year] [IOM nominals]</c> times the whole partnership report and
/// prints its plans (<see cref="PartnershipReportRun"/>, docs/partnership-report.md).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--reviews"))
        {
            return await ReviewReminderRun.RunAsync(args, Console.Out);
        }

        if (args.Contains("--treatment"))
        {
            return await TreatmentRun.RunAsync(args, Console.Out);
        }

        if (args.Contains("--eligibility"))
        {
            return await EligibilityRun.RunAsync(args, Console.Out);
        }

        if (args.Contains("--partnership-report"))
        {
            return await PartnershipReportRun.RunAsync(args, Console.Out);
        }

        if (args.Contains("--claims"))
        {
            return await ClaimPreparationRun.RunAsync(args, Console.Out);
        }

        var generate = args.Contains("--generate");
        var manifest = generate ? null : BenchmarkData.ReadManifest();
        if (manifest is null)
        {
            Console.WriteLine($"Generating {BenchmarkData.DatabasePath} ...");
            manifest = await new DataGenerator().GenerateAsync(BenchmarkData.DatabasePath, CancellationToken.None);
            BenchmarkData.WriteManifest(manifest);
        }

        else
        {
            // A cached file keeps its data but gets the indexes of migrations added since it was made.
            using var host = new BenchmarkHost(BenchmarkData.DatabasePath);
            using var session = host.Open(Application.Common.Security.Actor.System);
            var migration = Stopwatch.StartNew();
            await DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            Console.WriteLine($"Migrated in {migration.Elapsed} (a migration that adds derived rows rebuilds them here).");
        }

        Console.WriteLine($"Data: {manifest}");
        if (generate)
        {
            return 0;
        }

        if (args.Contains("--explain"))
        {
            await Explain.RunAsync(Console.Out);
            return 0;
        }

        if (Debugger.IsAttached)
        {
            Console.WriteLine("Run without a debugger, in Release.");
            return 1;
        }

        // Few iterations: this is a 2-core machine shared with other work, and the whole run should stay near ten minutes.
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithIterationCount(5).WithWarmupCount(2))
            .WithArtifactsPath(Path.Combine(BenchmarkData.Folder, "results"));
        BenchmarkRunner.Run<AccessBenchmarks>(config, args);
        return 0;
    }
}
