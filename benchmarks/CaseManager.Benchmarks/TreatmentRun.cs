using System.Diagnostics;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Reports.TreatmentExport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Seeding;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CaseManager.Benchmarks -- --treatment [adult a year] [young people a year] [years]</c>:
/// a timed console mode for the treatment report and the NDTMS-like export (issue 14), not a BenchmarkDotNet run.
/// Makes a fresh SQLite file with the demo partnership and treatment episodes started evenly over the years, built
/// through the domain and written by <see cref="BulkSave"/> (default
/// a tenth of national size: 30,000 adult and 1,500 young people's episodes a year for five years; national size is
/// <c>300000 15000 5</c>). About half the adult clients are opiate clients on methadone (a third of those maintained
/// for years); episodes older than six months are mostly discharged, about half as completions, and a tenth of the
/// successful discharges re-present. Then, as the DAAT and SWITCH managers, times the report over the last year and
/// streams the export over one year and over the whole history, sampling the managed heap while it runs: the
/// export's peak heap should not grow with the number of rows.
/// </summary>
public static class TreatmentRun
{
    internal sealed record Service(Scheme Scheme, AgencyCode Agency, Guid Worker, Guid Manager);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var numbers = BenchmarkData.NumbersAfter(args, "--treatment");
        var adultPerYear = numbers.Count > 0 ? numbers[0] : 30_000;
        var youngPerYear = numbers.Count > 1 ? numbers[1] : 1_500;
        var years = numbers.Count > 2 ? numbers[2] : 5;
        // --reuse: the file an earlier run made (national size takes minutes to generate), migrated, so that indexes
        // added since are built; --report-only: the report without the exports; --plans: each of the report's
        // statements with SQLite's plan and its time alone.
        var reuse = args.Contains("--reuse");
        var reportOnly = args.Contains("--report-only");
        var plans = args.Contains("--plans");
        var path = reuse ? Path.Combine(BenchmarkData.Folder, "treatment", "treatment.db") : BenchmarkData.FreshFile("treatment");
        var capture = new Explain.CommandCapture { Enabled = false };
        using var host = new BenchmarkHost(path, capture);
        var generating = Stopwatch.StartNew();
        Service[] services;
        if (reuse)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"No {path} to reuse: run --treatment without --reuse first.");
            }

            using (var session = host.Open(Actor.System))
            {
                await DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            }

            var (adultService, youngService) = await ServicesAsync(host);
            services = [adultService, youngService];
            using (var session = host.Open(Actor.System))
            {
                output.WriteLine($"Reused {path} ({new FileInfo(path).Length / 1_048_576.0:N0} MB), migrated in {generating.Elapsed.TotalSeconds:N1} s: "
                    + $"{await session.Db.TreatmentEpisodes.CountAsync():N0} episodes, {await session.Db.TreatmentInterventions.CountAsync():N0} interventions");
            }
        }
        else
        {
            var (adult, young) = await GenerateAsync(host, adultPerYear, youngPerYear, years, progress: output);
            await BenchmarkData.RefreshStatisticsAsync(host);
            services = [adult.Service, young.Service];
            output.WriteLine($"Generated {adult.Episodes:N0} adult and {young.Episodes:N0} young people's episodes over {years} years " +
                $"({adult.Discharged + young.Discharged:N0} discharged, {adult.Interventions:N0} interventions) in {generating.Elapsed.TotalSeconds:N1} s; " +
                $"file {new FileInfo(path).Length / 1_048_576.0:N0} MB");
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var service in services)
        {
            var actor = Actor.ForUser(service.Manager, $"manager@{service.Agency.Value.ToLowerInvariant()}.bench", "Manager", service.Agency, [Role.Manager]);
            for (var run = 1; run <= 3; run++)
            {
                var (elapsed, peak, report) = await MeasureAsync(host, actor, sender => sender.Send(new TreatmentReportQuery(today, today.AddYears(-1).AddDays(1), today)).AsTask());
                output.WriteLine($"{service.Agency} report, last year, run {run}: {elapsed.TotalMilliseconds:N0} ms, peak managed heap {peak:N1} MB; " +
                    $"in treatment {report.InTreatment.Adults:N0} adults / {report.InTreatment.YoungPeople:N0} young people, " +
                    $"discharges {report.Completions.Discharges:N0} ({report.Completions.Successful:N0} successful), " +
                    $"opiate clients {report.LongTermSubstitute.OpiateClients:N0} ({report.LongTermSubstitute.OnLongTermSubstitute:N0} long-term)");
            }

            if (plans)
            {
                await PlansAsync(host, capture, path, actor, today, output);
            }

            foreach (var (label, from) in reportOnly ? [] : new (string Label, DateOnly From)[] { ("one year", today.AddYears(-1).AddDays(1)), ($"{years} years", today.AddYears(-years)) })
            {
                var (elapsed, peak, rows) = await MeasureAsync(host, actor, async sender =>
                {
                    var export = await sender.Send(new TreatmentExportQuery(from, today));
                    var count = 0;
                    long characters = 0;
                    await foreach (var row in export.Rows)
                    {
                        characters += row.ToString().Length;
                        count++;
                    }

                    return (count, characters);
                });
                output.WriteLine($"{service.Agency} export, {label}: {rows.count:N0} rows ({rows.characters / 1_048_576.0:N0} M characters) in {elapsed.TotalSeconds:N2} s, " +
                    $"peak managed heap {peak:N1} MB");
            }
        }

        output.WriteLine($"Peak working set of the whole run (generation included) {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:N0} MB; " +
            $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        return 0;
    }

    /// <summary>
    /// The statements of one report as the actor, in the order the handler sends them, each with SQLite's plan and
    /// timed alone on a plain connection (as <c>--partnership-report</c> prints its own).
    /// </summary>
    private static async Task PlansAsync(BenchmarkHost host, Explain.CommandCapture capture, string path, Actor actor, DateOnly today, TextWriter output)
    {
        capture.Commands.Clear();
        capture.Enabled = true;
        using (var session = host.Open(actor))
        {
            await session.Scope.ServiceProvider.GetRequiredService<ISender>().Send(new TreatmentReportQuery(today, today.AddYears(-1).AddDays(1), today));
        }

        capture.Enabled = false;
        var commands = capture.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        output.WriteLine();
        output.WriteLine($"## Plans of the {commands.Count} statements of one report as {actor.Email}, SQLite {connection.ServerVersion}");
        await Explain.PlansAsync(output, connection, commands, timeRuns: 2);
        var times = new List<(int Statement, double Ms)>();
        for (var i = 0; i < commands.Count; i++)
        {
            times.Add((i + 1, await Explain.TimeOnceAsync(connection, commands[i].Sql, commands[i].Parameters)));
        }

        output.WriteLine($"Statements as {actor.Email} (ms, one run each): {string.Join(", ", times.Select(t => $"#{t.Statement} {t.Ms:N0}"))}; total {times.Sum(t => t.Ms):N0} ms");
        output.WriteLine();
    }

    /// <summary>Runs one read as the actor, timing it and sampling the managed heap every few milliseconds (MB above the heap before it).</summary>
    private static async Task<(TimeSpan Elapsed, double PeakMegabytes, T Result)> MeasureAsync<T>(BenchmarkHost host, Actor actor, Func<ISender, Task<T>> read)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        using var session = host.Open(actor);
        var stopwatch = Stopwatch.StartNew();
        var result = await read(session.Scope.ServiceProvider.GetRequiredService<ISender>());
        stopwatch.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        await stop.CancelAsync();
        await sampler;
        return (stopwatch.Elapsed, Math.Max(0, peak - before) / 1_048_576.0, result);
    }

    internal sealed record Generated(Service Service, int Episodes, int Discharged, int Interventions);

    /// <summary>
    /// The episodes, after migrating the file and seeding the demo partnership unless <paramref name="seeded"/> says
    /// another generator already has (the partnership report's run adds them to its families).
    /// </summary>
    internal static async Task<(Generated Adult, Generated Young)> GenerateAsync(BenchmarkHost host, int adultPerYear, int youngPerYear, int years, bool seeded = false, TextWriter? progress = null)
    {
        var generating = Stopwatch.StartNew();
        if (!seeded)
        {
            using var session = host.Open(Actor.System);
            await DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            await session.Scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var (adult, young) = await ServicesAsync(host);
        var random = new Random(20261126);
        progress?.WriteLine($"  seeded in {generating.Elapsed.TotalSeconds:N0} s");
        var generated = (await GenerateAsync(host, adult, adultPerYear * years, years, random, Report), await GenerateAsync(host, young, youngPerYear * years, years, random, Report));
        using (var session = host.Open(Actor.System))
        {
            await BulkSave.CheckDerivedAccessAsync(session.Db);
        }

        progress?.WriteLine($"  checked in {generating.Elapsed.TotalSeconds:N0} s");
        return generated;

        // At each tenth of a service's episodes: the generator keeps one batch at a time.
        void Report(Service service, int made, int episodes)
        {
            if (progress is not null && (made == episodes || made * 10 / episodes != (made - 2_000) * 10 / episodes))
            {
                progress.WriteLine($"  {made:N0} {service.Agency} episodes in {generating.Elapsed.TotalSeconds:N0} s, working set {Environment.WorkingSet / 1_048_576.0:N0} MB");
            }
        }
    }

    /// <summary>The adult (DAAT) and young people's (SWITCH) services, with the demo's worker and manager of each.</summary>
    private static async Task<(Service Adult, Service Young)> ServicesAsync(BenchmarkHost host)
    {
        using var session = host.Open(Actor.System);
        var users = await session.Db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        return (new Service(Scheme.AdultTreatment, AgencyCode.Parse("DAAT"), users["recovery.worker@daat.demo"], users["manager@daat.demo"]),
            new Service(Scheme.YoungPeopleTreatment, AgencyCode.Parse("SWITCH"), users["youth.worker@switch.demo"], users["manager@switch.demo"]));
    }

    private static async Task<Generated> GenerateAsync(BenchmarkHost host, Service service, int episodes, int years, Random random, Action<Service, int, int> progress)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-365 * years);
        var youngPeople = service.Scheme == Scheme.YoungPeopleTreatment;
        var made = 0;
        var discharged = 0;
        var interventions = 0;
        const int Batch = 2_000;

        // One context for the whole load: the episodes are built through the domain and written in bulk with the
        // sharing rights and case readers the save would derive (BulkSave), which the product then checks.
        using var session = host.Open(Actor.System);
        session.Db.ChangeTracker.AutoDetectChangesEnabled = false;
        var synchronous = await BulkSave.BeginGenerationAsync(session.Db);
        var facts = await BulkSave.SharedFacts.LoadAsync(session.Db);
        while (made < episodes)
        {
            for (var client = 0; client < Batch && made < episodes; client++)
            {
                var born = youngPeople ? today.AddYears(-random.Next(13, 18)).AddDays(-random.Next(365)) : today.AddYears(-random.Next(20, 60)).AddDays(-random.Next(365));
                var person = Person.Register(new PersonDetails("Client", $"Treatment-{made:D7}", born, random.Next(3) == 0 ? "Female" : "Male", null, null), service.Agency, service.Worker, now);
                session.Db.People.Add(person);
                var start = first.AddDays(random.Next(today.DayNumber - first.DayNumber - 7));
                var primary = youngPeople
                    ? (random.Next(10) < 7 ? TreatmentSubstance.Cannabis : TreatmentSubstance.Alcohol)
                    : random.Next(100) switch { < 50 => TreatmentSubstance.Heroin, < 80 => TreatmentSubstance.Alcohol, < 90 => TreatmentSubstance.Crack, _ => TreatmentSubstance.Cannabis };

                // A tenth of successful discharges re-present: a second episode for the same person.
                while (made < episodes)
                {
                    var (successful, dischargedOn, prescribed) = Episode(session.Db, service, person.Id, start, primary, today, now, random);
                    made++;
                    interventions += prescribed;
                    if (dischargedOn is null)
                    {
                        break;
                    }

                    discharged++;
                    var again = dischargedOn.Value.AddDays(random.Next(30, 400));
                    if (!successful || random.Next(10) != 0 || again >= today.AddDays(-7))
                    {
                        break;
                    }

                    start = again;
                }
            }

            await BulkSave.InsertAddedAsync(session.Db, BulkSave.DeriveAccess(session.Db, facts));
            progress(service, made, episodes);
        }

        await BulkSave.EndGenerationAsync(session.Db, synchronous);
        return new Generated(service, made, discharged, interventions);
    }

    /// <summary>One episode through the domain: open, treat, and (for most episodes older than six months) discharge.</summary>
    private static (bool Successful, DateOnly? DischargedOn, int Interventions) Episode(
        CaseDbContext db, Service service, PersonId person, DateOnly start, TreatmentSubstance primary, DateOnly today, DateTimeOffset now, Random random)
    {
        DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) is var at && at < now ? at : now.AddMinutes(-5);
        var opened = Case.Open(person, service.Scheme, service.Agency, start, service.Worker, At(start), today);
        var opiate = primary == TreatmentSubstance.Heroin;
        var episode = TreatmentEpisode.Open(opened, new TreatmentDetails(start.AddDays(-random.Next(7, 30)), "Self", start.AddDays(-random.Next(0, 7)),
            primary, random.Next(3) == 0 && primary != TreatmentSubstance.Cannabis ? TreatmentSubstance.Cannabis : null, null, opiate ? InjectingStatus.Previously : InjectingStatus.Never), today, At(start));
        db.Cases.Add(opened);
        db.TreatmentEpisodes.Add(episode);

        // Discharged after three months to two years, unless that is still to come.
        var dischargeOn = start.AddDays(random.Next(90, 730));
        var discharges = dischargeOn < today && random.Next(10) < 8;
        var treatment = new List<TreatmentIntervention>();
        if (opiate)
        {
            var longTerm = random.Next(3) == 0;
            var prescriptionEnds = longTerm ? (DateOnly?)null : start.AddDays(random.Next(60, 500));
            if (discharges && prescriptionEnds is { } ends && ends >= dischargeOn)
            {
                prescriptionEnds = random.Next(2) == 0 ? dischargeOn.AddDays(-7) : null;
            }

            if (prescriptionEnds >= today)
            {
                prescriptionEnds = null;
            }

            treatment.Add(TreatmentIntervention.Start(opened, TreatmentInterventionType.Pharmacological, Medication.Methadone,
                longTerm ? PrescribingMode.Maintenance : PrescribingMode.Reduction, start.AddDays(3), prescriptionEnds, service.Worker, today, At(start.AddDays(3))));
        }

        var psychosocialEnds = start.AddDays(random.Next(30, 200));
        treatment.Add(TreatmentIntervention.Start(opened, TreatmentInterventionType.Psychosocial, null, null, start, psychosocialEnds < today ? psychosocialEnds : null,
            service.Worker, today, At(start)));
        db.TreatmentInterventions.AddRange(treatment);
        if (!discharges)
        {
            return (false, null, treatment.Count);
        }

        var reason = random.Next(100) switch
        {
            < 50 => primary == TreatmentSubstance.Alcohol ? ExitReason.CompletedAlcoholFree : ExitReason.CompletedDrugFree,
            < 75 => ExitReason.DroppedOut,
            < 85 => ExitReason.TransferredNotInCustody,
            < 92 => ExitReason.TreatmentWithdrawn,
            _ => ExitReason.MovedAway,
        };
        opened.NominateExit(reason, "Discharge", null, service.Worker, At(dischargeOn));
        opened.ApproveExit(service.Manager, null, dischargeOn, At(dischargeOn).AddHours(1));
        episode.Discharge(opened, treatment);
        return (episode.SuccessfulCompletion == true, dischargeOn, treatment.Count);
    }
}
