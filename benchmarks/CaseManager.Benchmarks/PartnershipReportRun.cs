using System.Diagnostics;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Reports.PartnershipReport;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CaseManager.Benchmarks -- --partnership-report [households] [adult episodes a year] [IOM nominals]</c>:
/// the whole partnership report (<see cref="PartnershipReportQuery"/>, docs/partnership-report.md) over IOM, families
/// and treatment together, in one fresh file: the demo partnership, Troubled Families households of four with twenty
/// outcome records each (<see cref="FamilyGenerator"/>), five years of treatment episodes (<see cref="TreatmentRun"/>,
/// a twentieth as many young people's as adults') and IOM nominals with their offences before and since entry. Times
/// the report three times for each of three readers, then for each reader prints SQLite's plan for every statement
/// the report sends (as <see cref="Explain"/> does), the tables any plan reads with a full scan and the slowest statements.
/// </summary>
public static class PartnershipReportRun
{
    private static readonly string[] OffenceTypes = ["Theft", "CriminalDamage", "CommonAssault", "DrunkAndDisorderly", "BurglaryDwelling", "PublicOrder"];

    private static readonly string[] Cohorts = ["Fixed", "Flex", "Free"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var numbers = BenchmarkData.NumbersAfter(args, "--partnership-report");
        var households = numbers.Count > 0 ? numbers[0] : 10_000;
        var adultPerYear = numbers.Count > 1 ? numbers[1] : 15_000;
        var nominals = numbers.Count > 2 ? numbers[2] : 2_000;
        var reuse = args.Contains("--reuse");
        var path = reuse ? Path.Combine(BenchmarkData.Folder, "partnership", "partnership.db") : BenchmarkData.FreshFile("partnership");
        var capture = new Explain.CommandCapture();
        using var host = new BenchmarkHost(path, capture);
        if (!reuse)
        {
            var generating = Stopwatch.StartNew();
            await FamilyGenerator.GenerateAsync(host, households, FamilyShape.Eligibility);
            output.WriteLine($"Generated {households:N0} households in {generating.Elapsed.TotalSeconds:N0} s");
            var (adult, young) = await TreatmentRun.GenerateAsync(host, adultPerYear, Math.Max(1, adultPerYear / 20), 5, seeded: true);
            output.WriteLine($"Generated {adult.Episodes:N0} adult and {young.Episodes:N0} young people's treatment episodes; {generating.Elapsed.TotalSeconds:N0} s so far");
            await AddIomAsync(host, nominals);
            await BenchmarkData.RefreshStatisticsAsync(host);
            output.WriteLine($"Generated {nominals:N0} IOM nominals; {generating.Elapsed.TotalSeconds:N0} s in all; file {new FileInfo(path).Length / 1_048_576.0:N0} MB");
        }
        else
        {
            using var session = host.Open(Actor.System);
            await Infrastructure.Persistence.DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
        }

        using (var session = host.Open(Actor.System))
        {
            var db = session.Db;
            output.WriteLine($"Rows: {await db.People.CountAsync():N0} people, {await db.Cases.CountAsync():N0} cases, {await db.Households.CountAsync():N0} households, "
                + $"{await db.AsbRecords.CountAsync():N0} ASB, {await db.EducationRecords.CountAsync():N0} education, {await db.EmploymentRecords.CountAsync():N0} employment, "
                + $"{await db.Offences.CountAsync():N0} offences, {await db.TreatmentEpisodes.CountAsync():N0} treatment episodes, {await db.TreatmentInterventions.CountAsync():N0} treatment interventions, "
                + $"{await db.Interventions.CountAsync():N0} interventions");
        }

        var readers = new[] { ("manager@fit.demo", Role.Manager), ("iom.manager@police.demo", Role.Manager), ("ig.lead@council.demo", Role.InformationGovernance) };
        foreach (var (email, role) in readers)
        {
            var actor = await ActorAsync(host, email, role);
            var times = new List<double>();
            PartnershipReportView? report = null;
            for (var run = 0; run < 3; run++)
            {
                using var session = host.Open(actor);
                var stopwatch = Stopwatch.StartNew();
                report = await session.Scope.ServiceProvider.GetRequiredService<ISender>().Send(new PartnershipReportQuery());
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            output.WriteLine($"Partnership report as {email}, {report!.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}: {string.Join(" / ", times.Select(t => $"{t:N0}"))} ms; "
                + string.Join("; ", report.Priorities.Select(s => $"{s.Title}: " + string.Join(", ", s.Figures.Take(3).Select(f => $"{f.Code} {f.Display}")))));
        }

        // The plans, for each reader's report: the statements of one run, in the order the sections send them (a
        // statement sent again with other values, such as a batch of the coordinator's list, once), each timed alone.
        using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        foreach (var (email, role) in readers)
        {
            var actor = await ActorAsync(host, email, role);
            using (var session = host.Open(actor))
            {
                capture.Commands.Clear();
                await session.Scope.ServiceProvider.GetRequiredService<ISender>().Send(new PartnershipReportQuery());
            }

            var sent = capture.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
            var commands = sent.DistinctBy(c => c.Sql).ToList();
            output.WriteLine();
            output.WriteLine($"## Plans of the {commands.Count} distinct statements ({sent.Count} sent) of one report as {email}, SQLite {connection.ServerVersion}");
            var scans = await Explain.PlansAsync(output, connection, commands, timeRuns: 2);
            output.WriteLine();
            output.WriteLine(scans.Count == 0
                ? "No plan reads a table with a full scan."
                : "Full table scans: " + string.Join("; ", scans.GroupBy(s => s.Table).Select(g => $"{g.Key} in statement(s) {string.Join(",", g.Select(s => s.Command).Distinct())}")));
            var slowest = new List<(int Statement, double Ms)>();
            for (var i = 0; i < commands.Count; i++)
            {
                slowest.Add((i + 1, await Explain.TimeOnceAsync(connection, commands[i].Sql, commands[i].Parameters)));
            }

            output.WriteLine($"Slowest statements as {email} (ms, one run each): "
                + string.Join(", ", slowest.OrderByDescending(s => s.Ms).Take(8).Select(s => $"#{s.Statement} {s.Ms:N0}")));
        }

        output.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        return 0;
    }

    private static async Task<Actor> ActorAsync(BenchmarkHost host, string email, Role role)
    {
        using var session = host.Open(Actor.System);
        var user = await session.Db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName, u.AgencyCode }).SingleAsync();
        return Actor.ForUser(user.Id, email, user.DisplayName ?? email, AgencyCode.Parse(user.AgencyCode), [role]);
    }

    /// <summary>
    /// IOM nominals of the police and probation, through the domain: entered over the last three years, with ten proven
    /// offences in the two years before entry and none to five since; one in five has left the scheme.
    /// </summary>
    private static async Task AddIomAsync(BenchmarkHost host, int nominals)
    {
        Guid officer;
        using (var session = host.Open(Actor.System))
        {
            officer = await session.Db.Users.Where(u => u.Email == "iom.officer@police.demo").Select(u => u.Id).SingleAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var police = AgencyCode.Parse("POLICE");
        var probation = AgencyCode.Parse("PROBATION");
        const int Batch = 1_000;
        for (var start = 0; start < nominals; start += Batch)
        {
            using var session = host.Open(Actor.System);
            var db = session.Db;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + Batch, nominals); i++)
            {
                var owner = i % 3 == 0 ? probation : police;
                var person = Person.Register(new PersonDetails("Nominal", $"Iom{i}", new DateOnly(1975, 1, 1).AddDays(i % 9000), "Male", null, null), owner, officer, now);
                db.People.Add(person);
                var entered = today.AddDays(-30 - (i % 1000));
                var iom = Case.OpenIom(person.Id, owner, entered, null,
                    new IomDetails(Cohorts[i % Cohorts.Length], i % 2 == 0 ? "Red" : "Amber", "Prolific acquisitive offending", null, null, false, i % 10 == 0, 40 + (i % 50)),
                    null, now, today);
                db.Cases.Add(iom);
                for (var k = 0; k < 10; k++)
                {
                    var committed = entered.AddDays(-700 + (k * 65));
                    db.Offences.Add(Offence.Record(person.Id, OffenceTypes[(i + k) % OffenceTypes.Length], committed, committed.AddDays(30) < today ? committed.AddDays(30) : null, null, police, officer, now, today));
                }

                for (var k = 0; k < i % 6; k++)
                {
                    var committed = entered.AddDays(10 + (k * 20));
                    if (committed < today)
                    {
                        db.Offences.Add(Offence.Record(person.Id, OffenceTypes[k % OffenceTypes.Length], committed, null, null, police, officer, now, today));
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
    }
}
