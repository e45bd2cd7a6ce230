using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Reports.IomReport;

/// <summary>
/// The partnership's IOM measures (DOMAIN.md IOM7) over the IOM cases and offences the reader may see: cohort
/// size by cohort and tier; offences per person-year in the 12 months before entry and since entry; the cost of
/// that crime from the unit-cost table; actual against predicted re-offending; and how long exit decisions take.
/// As at a day (today unless given; the partnership report asks for the last day of its period). Cases and offences
/// are narrowed by the access rule, and offences counted and costed per case, in SQL; only the arithmetic over one
/// row per case happens here.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record IomReportQuery(DateOnly? AsOf = null) : IQuery<IomReportView>;

public sealed record IomReportView(
    DateOnly AsOf,
    IReadOnlyList<CohortTierCount> CohortSize,
    IReadOnlyList<OffendingRow> Offending,
    OffendingRow Total,
    IReadOnlyList<int> PriceYears,
    PredictedReoffending Predicted,
    ExitDecisionTimes ExitDecisions,
    TopOffenders TopOffenders);

public sealed record CohortTierCount(string Cohort, string? Tier, int People);

/// <summary>
/// One cohort's offending: before = the 12 months before entry (one person-year each); since = from entry to exit
/// or today. Rates are offences per person-year; costs are at the unit-cost table's price year.
/// </summary>
public sealed record OffendingRow(
    string Cohort,
    int People,
    int OffencesBefore,
    double PersonYearsBefore,
    int OffencesSince,
    double PersonYearsSince,
    decimal CostBefore,
    decimal CostSince)
{
    public double RateBefore => PersonYearsBefore == 0 ? 0 : Math.Round(OffencesBefore / PersonYearsBefore, 2);

    public double RateSince => PersonYearsSince == 0 ? 0 : Math.Round(OffencesSince / PersonYearsSince, 2);

    /// <summary>Cost of crime per person-year, so cohorts of different lengths of time compare.</summary>
    public decimal CostPerPersonYearBefore => PersonYearsBefore == 0 ? 0 : Math.Round(CostBefore / (decimal)PersonYearsBefore, 0);

    public decimal CostPerPersonYearSince => PersonYearsSince == 0 ? 0 : Math.Round(CostSince / (decimal)PersonYearsSince, 0);
}

/// <summary>Among people with a predicted rate who have been on IOM a full year: how many re-offended in that year.</summary>
public sealed record PredictedReoffending(int People, double? PredictedPercent, double? ActualPercent);

/// <summary>
/// The (up to) ten people whose offending cost most in the 12 months before entry (the strategy's "top ten
/// offenders"), and what their offending has cost since entry, scaled to a year so the two compare.
/// </summary>
public sealed record TopOffenders(int People, decimal CostBefore, decimal CostSincePerYear)
{
    public const int Size = 10;
}

public sealed record ExitDecisionTimes(int Decided, int Pending, double? MedianDays, double? MeanDays, int Approved, int Rejected);

public sealed class IomReportHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit, PartnershipClock clock)
    : IQueryHandler<IomReportQuery, IomReportView>
{
    private const double DaysPerYear = 365.25;

    public async ValueTask<IomReportView> Handle(IomReportQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? clock.Today;
        var cases = access.Readable(db.Cases.AsNoTracking()).Where(c => c.Scheme == Scheme.Iom && c.StartDate <= asOf);
        // Each offence the reader may see up to the day, with its unit cost (none for a type without one).
        var costed =
            from o in access.Readable(db.Offences.AsNoTracking()).Where(o => o.CommittedOn <= asOf)
            join t in db.OffenceTypes.AsNoTracking() on o.OffenceType equals t.Code into types
            from t in types.DefaultIfEmpty()
            select new { o.PersonId, o.CommittedOn, Cost = (double?)t.UnitCost ?? 0.0 };

        var cohortSize = (await cases
                .Where(c => c.ExitedOn == null || c.ExitedOn > asOf)
                .GroupBy(c => new { c.Iom!.Cohort, c.Iom.Tier })
                .Select(g => new { g.Key.Cohort, g.Key.Tier, People = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(g => new CohortTierCount(g.Cohort ?? "Not recorded", g.Tier, g.People))
            .OrderBy(c => c.Cohort).ThenBy(c => c.Tier)
            .ToList();

        // One row per case, its offences counted and costed in SQL: the 12 months before entry, from entry to exit
        // (or the day), and the first year on IOM. Only the arithmetic over these rows happens here.
        var measured = (await cases
                .Select(c => new
                {
                    Cohort = c.Iom!.Cohort,
                    c.StartDate,
                    c.ExitedOn,
                    Predicted = c.Iom.PredictedReoffendingRate,
                    Before = costed.Count(o => o.PersonId == c.PersonId && o.CommittedOn >= c.StartDate.AddYears(-1) && o.CommittedOn < c.StartDate),
                    CostBefore = costed.Where(o => o.PersonId == c.PersonId && o.CommittedOn >= c.StartDate.AddYears(-1) && o.CommittedOn < c.StartDate).Sum(o => o.Cost),
                    Since = costed.Count(o => o.PersonId == c.PersonId && o.CommittedOn >= c.StartDate && (c.ExitedOn == null || o.CommittedOn <= c.ExitedOn)),
                    CostSince = costed.Where(o => o.PersonId == c.PersonId && o.CommittedOn >= c.StartDate && (c.ExitedOn == null || o.CommittedOn <= c.ExitedOn)).Sum(o => o.Cost),
                    FirstYear = costed.Count(o => o.PersonId == c.PersonId && o.CommittedOn >= c.StartDate && o.CommittedOn < c.StartDate.AddYears(1)),
                })
                .ToListAsync(cancellationToken))
            .Select(m =>
            {
                var end = m.ExitedOn is { } exited && exited < asOf ? exited : asOf;
                return new
                {
                    Cohort = m.Cohort ?? "Not recorded",
                    m.Before,
                    m.Since,
                    YearsSince = Math.Max(0, end.DayNumber - m.StartDate.DayNumber) / DaysPerYear,
                    CostBefore = Math.Round((decimal)m.CostBefore, 2),
                    CostSince = Math.Round((decimal)m.CostSince, 2),
                    m.FirstYear,
                    FullYear = m.StartDate.AddYears(1) <= asOf,
                    m.Predicted,
                };
            })
            .ToList();

        var top = measured.OrderByDescending(m => m.CostBefore).Take(TopOffenders.Size).ToList();
        // The group's cost per year since entry (its cost since, over its average time since entry), so a year before
        // compares with a year after whatever the time each person has been on IOM.
        var topYears = top.Sum(m => m.YearsSince);
        var topOffenders = new TopOffenders(
            top.Count,
            top.Sum(m => m.CostBefore),
            topYears == 0 ? 0 : Math.Round(top.Sum(m => m.CostSince) * top.Count / (decimal)topYears, 0));

        var rows = measured.GroupBy(m => m.Cohort)
            .Select(g => new OffendingRow(g.Key, g.Count(), g.Sum(m => m.Before), g.Count(), g.Sum(m => m.Since), Math.Round(g.Sum(m => m.YearsSince), 2), g.Sum(m => m.CostBefore), g.Sum(m => m.CostSince)))
            .OrderBy(r => r.Cohort)
            .ToList();
        var total = new OffendingRow("All cohorts", rows.Sum(r => r.People), rows.Sum(r => r.OffencesBefore), rows.Sum(r => r.PersonYearsBefore),
            rows.Sum(r => r.OffencesSince), Math.Round(rows.Sum(r => r.PersonYearsSince), 2), rows.Sum(r => r.CostBefore), rows.Sum(r => r.CostSince));

        var predicted = measured.Where(m => m.Predicted is not null && m.FullYear).ToList();
        var prediction = new PredictedReoffending(
            predicted.Count,
            predicted.Count == 0 ? null : Math.Round(predicted.Average(m => (double)m.Predicted!.Value), 1),
            predicted.Count == 0 ? null : Math.Round(100.0 * predicted.Count(m => m.FirstYear > 0) / predicted.Count, 1));

        var exits = await ExitDecisionTimesAsync(cases, cancellationToken);
        var priceYears = await db.OffenceTypes.AsNoTracking()
            .Where(t => t.UnitCost != null && t.PriceYear != null)
            .Select(t => t.PriceYear!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);

        audit.Record("report.iom", AuditOutcome.Allowed, AccessRule.Owner, detail: $"As at {asOf:yyyy-MM-dd}: {measured.Count} IOM cases");
        await db.SaveChangesAsync(cancellationToken);
        return new IomReportView(asOf, cohortSize, rows, total, [.. priceYears.Order()], prediction, exits, topOffenders);
    }

    /// <summary>How long exit decisions took: decisions counted in SQL; the days of each kept for the median.</summary>
    private static async Task<ExitDecisionTimes> ExitDecisionTimesAsync(IQueryable<Case> cases, CancellationToken cancellationToken)
    {
        var nominations = await cases.SelectMany(c => c.ExitNominations)
            .Select(n => new { n.NominatedAt, n.DecidedAt, n.Decision })
            .ToListAsync(cancellationToken);
        var decidedDays = nominations.Where(n => n.DecidedAt is not null)
            .Select(n => Math.Round((n.DecidedAt!.Value - n.NominatedAt).TotalDays, 1))
            .Order()
            .ToList();
        return new ExitDecisionTimes(
            decidedDays.Count,
            nominations.Count(n => n.Decision is null),
            Median(decidedDays),
            decidedDays.Count == 0 ? null : Math.Round(decidedDays.Average(), 1),
            nominations.Count(n => n.Decision == ExitDecision.Approved),
            nominations.Count(n => n.Decision == ExitDecision.Rejected));
    }

    private static double? Median(List<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => Math.Round((sorted[(n / 2) - 1] + sorted[n / 2]) / 2, 1),
    };
}
