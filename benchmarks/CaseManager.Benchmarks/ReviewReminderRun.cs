using System.Diagnostics;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Infrastructure.Jobs;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CaseManager.Benchmarks -- --reviews [cases] [due]</c>: a timed
/// console mode, not a BenchmarkDotNet run (one run of the job is seconds of work, not microseconds). Makes a fresh
/// SQLite file with the demo partnership and <c>cases</c> active cases (default 100,000), each with an open review,
/// of which <c>due</c> (default 10,000) are due or overdue today; then times the review-reminders job (record the
/// notices, then send the digests to the pickup directory) twice: the first run does the work, the second finds it done.
/// </summary>
public static class ReviewReminderRun
{
    private static readonly (Scheme Scheme, string Agency, string Worker)[] Owners =
    [
        (Scheme.Iom, "POLICE", "iom.officer@police.demo"),
        (Scheme.Iom, "PROBATION", "offender.manager@probation.demo"),
        (Scheme.Fit, "FIT", "keyworker@fit.demo"),
        (Scheme.AdultTreatment, "DAAT", "recovery.worker@daat.demo"),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var numbers = BenchmarkData.NumbersAfter(args, "--reviews");
        var cases = numbers.Count > 0 ? numbers[0] : 100_000;
        var due = numbers.Count > 1 ? numbers[1] : 10_000;
        var path = BenchmarkData.FreshFile("reviews");
        var mailFolder = Path.Combine(Path.GetDirectoryName(path)!, "App_Data", "mail");
        using var host = new BenchmarkHost(path);
        var generating = Stopwatch.StartNew();
        await GenerateAsync(host, cases, due);
        output.WriteLine($"Generated {cases:N0} active cases with open reviews, {due:N0} due or overdue, in {generating.Elapsed.TotalSeconds:N1} s");

        var job = host.Services.GetRequiredService<ReviewRemindersJob>();
        foreach (var label in new[] { "first run", "second run (nothing new)" })
        {
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            await job.Run(CancellationToken.None);
            stopwatch.Stop();
            using var session = host.Open(Actor.System);
            var notices = await session.Db.Notifications.CountAsync();
            var digests = await session.Db.NotificationDigests.CountAsync(d => d.SentAt != null);
            var mail = Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder).Length : 0;
            output.WriteLine(
                $"{label}: {stopwatch.Elapsed.TotalSeconds:N2} s; notices stored {notices:N0}, digests sent {digests:N0}, .eml files {mail:N0}; " +
                $"managed heap after {(GC.GetTotalMemory(false) - before) / 1_048_576.0:N1} MB above before, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:N0} MB");
        }

        output.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformationText()}");
        return 0;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    private static async Task GenerateAsync(BenchmarkHost host, int cases, int due)
    {
        using (var session = host.Open(Actor.System))
        {
            await DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            await session.Scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var random = new Random(20261126);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<CaseManager.Domain.People.PersonId> people;
        Dictionary<string, Guid> workers;
        using (var session = host.Open(Actor.System))
        {
            people = await session.Db.People.Select(p => p.Id).ToListAsync();
            workers = await session.Db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        }

        const int Batch = 5_000;
        for (var start = 0; start < cases; start += Batch)
        {
            using var session = host.Open(Actor.System);
            session.Db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, cases); i++)
            {
                var (scheme, agency, worker) = Owners[i % Owners.Length];
                var dueOn = i < due ? today.AddDays(random.Next(-30, 8)) : today.AddDays(random.Next(8, 180));
                var opened = Case.Open(people[i % people.Count], scheme, AgencyCode.Parse(agency), today.AddDays(-200), workers[worker], now, today);
                opened.ScheduleNextReview(dueOn);
                session.Db.Cases.Add(opened);
                session.Db.Reviews.Add(Review.Schedule(opened, ReviewKind.Scheme, dueOn, now));
            }

            await session.Db.SaveChangesAsync();
        }
    }
}
