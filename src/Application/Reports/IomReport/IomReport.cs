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
/// Both sources are narrowed by the access rule in SQL; only the arithmetic happens here.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record IomReportQuery : IQuery<IomReportView>;

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
        var today = clock.Today;
        var cases = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.Scheme == Scheme.Iom)
            .ToListAsync(cancellationToken);
        var personIds = cases.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).Distinct().ToList();
        var earliest = cases.Count == 0 ? today : cases.Min(c => c.StartDate).AddYears(-1);
        var offences = await access.Readable(db.Offences.AsNoTracking())
            .Where(o => personIds.Contains(o.PersonId) && o.CommittedOn >= earliest)
            .Select(o => new { o.PersonId, o.OffenceType, o.CommittedOn })
            .ToListAsync(cancellationToken);
        var costs = await db.OffenceTypes.AsNoTracking()
            .Select(t => new { t.Code, t.UnitCost, t.PriceYear })
            .ToListAsync(cancellationToken);
        var unitCost = costs.ToDictionary(t => t.Code, t => t.UnitCost ?? 0m);
        var offencesByPerson = offences.ToLookup(o => o.PersonId);

        var open = cases.Where(c => c.IsOpen).ToList();
        var cohortSize = open
            .GroupBy(c => (Cohort: c.Iom?.Cohort ?? "Not recorded", c.Iom?.Tier))
            .Select(g => new CohortTierCount(g.Key.Cohort, g.Key.Tier, g.Count()))
            .OrderBy(c => c.Cohort).ThenBy(c => c.Tier)
            .ToList();

        var measured = cases.Select(c =>
        {
            var end = c.ExitedOn ?? today;
            var before = offencesByPerson[c.PersonId ?? default].Where(o => o.CommittedOn >= c.StartDate.AddYears(-1) && o.CommittedOn < c.StartDate).ToList();
            var since = offencesByPerson[c.PersonId ?? default].Where(o => o.CommittedOn >= c.StartDate && o.CommittedOn <= end).ToList();
            return new
            {
                Cohort = c.Iom?.Cohort ?? "Not recorded",
                Before = before.Count,
                Since = since.Count,
                YearsSince = Math.Max(0, end.DayNumber - c.StartDate.DayNumber) / DaysPerYear,
                CostBefore = before.Sum(o => unitCost.GetValueOrDefault(o.OffenceType)),
                CostSince = since.Sum(o => unitCost.GetValueOrDefault(o.OffenceType)),
                FirstYearOffences = offencesByPerson[c.PersonId ?? default].Count(o => o.CommittedOn >= c.StartDate && o.CommittedOn < c.StartDate.AddYears(1)),
                FullYear = c.StartDate.AddYears(1) <= today,
                c.Iom?.PredictedReoffendingRate,
            };
        }).ToList();

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

        var predicted = measured.Where(m => m.PredictedReoffendingRate is not null && m.FullYear).ToList();
        var prediction = new PredictedReoffending(
            predicted.Count,
            predicted.Count == 0 ? null : Math.Round(predicted.Average(m => (double)m.PredictedReoffendingRate!.Value), 1),
            predicted.Count == 0 ? null : Math.Round(100.0 * predicted.Count(m => m.FirstYearOffences > 0) / predicted.Count, 1));

        var nominations = cases.SelectMany(c => c.ExitNominations).ToList();
        var decidedDays = nominations.Where(n => n.DecidedAt is not null)
            .Select(n => Math.Round((n.DecidedAt!.Value - n.NominatedAt).TotalDays, 1))
            .Order()
            .ToList();
        var exits = new ExitDecisionTimes(
            decidedDays.Count,
            nominations.Count(n => n.IsPending),
            Median(decidedDays),
            decidedDays.Count == 0 ? null : Math.Round(decidedDays.Average(), 1),
            nominations.Count(n => n.Decision == ExitDecision.Approved),
            nominations.Count(n => n.Decision == ExitDecision.Rejected));

        audit.Record("report.iom", AuditOutcome.Allowed, AccessRule.Owner, detail: $"{cases.Count} IOM cases, {offences.Count} offences");
        await db.SaveChangesAsync(cancellationToken);
        return new IomReportView(today, cohortSize, rows, total,
            costs.Where(c => c.UnitCost is not null && c.PriceYear is not null).Select(c => c.PriceYear!.Value).Distinct().Order().ToList(),
            prediction, exits, topOffenders);
    }

    private static double? Median(List<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => Math.Round((sorted[(n / 2) - 1] + sorted[n / 2]) / 2, 1),
    };
}
