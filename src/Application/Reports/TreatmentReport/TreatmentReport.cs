using System.Linq.Expressions;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Treatment;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Treatment;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reports.TreatmentReport;

/// <summary>
/// The treatment measures (DOMAIN.md DT4, docs/treatment.md) over the episodes and interventions the reader may
/// read (the access rule, in SQL): people in treatment on a day, long-term substitute medication as a share of opiate
/// clients, and over a period successful completions, re-presentations and young people re-referred. The period is
/// the 12 months to <see cref="AsOf"/> unless given.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record TreatmentReportQuery(DateOnly? AsOf = null, DateOnly? From = null, DateOnly? To = null) : IQuery<TreatmentReportView>;

public sealed record TreatmentReportView(
    DateOnly AsOf,
    DateOnly From,
    DateOnly To,
    int LongTermYears,
    int RepresentationDays,
    InTreatment InTreatment,
    LongTermSubstitute LongTermSubstitute,
    Completions Completions,
    Representations Representations,
    YoungPeopleRereferred YoungPeopleRereferred);

/// <summary>Episodes open on the day: started by then and not discharged before it.</summary>
public sealed record InTreatment(int Adults, int YoungPeople)
{
    public int Total => Adults + YoungPeople;
}

/// <summary>Opiate clients in treatment on the day, and those on methadone or buprenorphine maintenance for the long-term period or more.</summary>
public sealed record LongTermSubstitute(int OpiateClients, int OnLongTermSubstitute)
{
    public double? Percent => OpiateClients == 0 ? null : Math.Round(100.0 * OnLongTermSubstitute / OpiateClients, 1);
}

/// <summary>Discharges in the period and how many were successful completions (DT2).</summary>
public sealed record Completions(int Discharges, int Successful)
{
    public double? Percent => Discharges == 0 ? null : Math.Round(100.0 * Successful / Discharges, 1);
}

/// <summary>
/// Successful discharges in the period (DT2); of those, the ones followed by a new episode within the window, and the
/// ones whose window is still open on the report's day with no new episode yet. The share is taken over the
/// discharges whose outcome is known (represented, or window closed), so an open window does not count as success.
/// </summary>
public sealed record Representations(int SuccessfulDischarges, int Represented, int WindowOpen)
{
    public int Known => SuccessfulDischarges - WindowOpen;

    public double? Percent => Known == 0 ? null : Math.Round(100.0 * Represented / Known, 1);
}

/// <summary>Young people's episodes that started in the period, and those of a young person with an earlier young people's episode.</summary>
public sealed record YoungPeopleRereferred(int Referrals, int Rereferred)
{
    public double? Percent => Referrals == 0 ? null : Math.Round(100.0 * Rereferred / Referrals, 1);
}

public sealed class TreatmentReportValidator : AbstractValidator<TreatmentReportQuery>
{
    public TreatmentReportValidator() =>
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("The period must end on or after it starts");
}

/// <summary>
/// Every measure is counted in the database over the readable episodes and interventions (the access rule is part of
/// each query, subqueries included), so the report reads no episode rows into memory whatever the partnership's size.
/// </summary>
public sealed class TreatmentReportHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit, PartnershipClock clock, IOptions<TreatmentOptions> options)
    : IQueryHandler<TreatmentReportQuery, TreatmentReportView>
{
    public async ValueTask<TreatmentReportView> Handle(TreatmentReportQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var asOf = query.AsOf ?? clock.Today;
        var to = query.To ?? asOf;
        var from = query.From ?? to.AddYears(-1).AddDays(1);
        var episodes = access.Readable(db.TreatmentEpisodes.AsNoTracking());
        var interventions = access.Readable(db.TreatmentInterventions.AsNoTracking());

        // Each measure's own filter goes before the access rule, and the readable episodes are read as the reader's
        // own and the shared ones apart (ReadableSplitByOwner), each from an index range, so the rule's searches run
        // on the period's episodes the reader could see at all. One statement counts all of a measure's figures in
        // one pass over its episodes (docs/performance.md, "Treatment report and NDTMS-like export").
        IQueryable<TreatmentEpisode> Episodes(Expression<Func<TreatmentEpisode, bool>> filter) =>
            access.ReadableSplitByOwner(db.TreatmentEpisodes.AsNoTracking().Where(filter));

        // DT4: TreatmentOutcomes.OnLongTermMaintenance, as SQL: maintenance running on asOf, started longTermYears before.
        // The maintenance cases are one list worked out once (from the maintenance interventions' own index), not a
        // search of each opiate client's interventions.
        var longTermStart = asOf.AddYears(-settings.LongTermYears);
        var onLongTermMaintenance = interventions
            .Where(i => i.Mode == PrescribingMode.Maintenance
                && i.Type == TreatmentInterventionType.Pharmacological
                && (i.Medication == Medication.Methadone || i.Medication == Medication.Buprenorphine)
                && i.StartDate <= longTermStart && (i.EndDate == null || i.EndDate >= asOf))
            .Select(i => i.CaseId);
        var open = await Episodes(e => e.StartDate <= asOf && (e.DischargedOn == null || e.DischargedOn > asOf))
            .Select(e => new
            {
                Adult = e.Service == Scheme.AdultTreatment ? 1 : 0,
                Young = e.Service == Scheme.YoungPeopleTreatment ? 1 : 0,
                Opiate = e.OpiateClient ? 1 : 0,
                LongTerm = e.OpiateClient && onLongTermMaintenance.Contains(e.CaseId) ? 1 : 0,
            })
            .GroupBy(e => 1)
            .Select(g => new { Adults = g.Sum(e => e.Adult), YoungPeople = g.Sum(e => e.Young), Opiate = g.Sum(e => e.Opiate), LongTerm = g.Sum(e => e.LongTerm) })
            .SingleOrDefaultAsync(cancellationToken);
        var inTreatment = new InTreatment(open?.Adults ?? 0, open?.YoungPeople ?? 0);
        var longTerm = new LongTermSubstitute(open?.Opiate ?? 0, open?.LongTerm ?? 0);

        // DT2: TreatmentOutcomes.Representation, as SQL: a new episode known by asOf, 0 to RepresentationDays - 1 days after.
        var lastDay = settings.RepresentationDays - 1;
        var windowClosedBy = asOf.AddDays(-settings.RepresentationDays);
        var discharged = await Episodes(e => e.DischargedOn >= from && e.DischargedOn <= to)
            .Select(e => new
            {
                Successful = e.SuccessfulCompletion == true ? 1 : 0,
                WindowOpen = e.SuccessfulCompletion == true && e.DischargedOn > windowClosedBy ? 1 : 0,
                Represented = e.SuccessfulCompletion == true && episodes.Any(later => later.PersonId == e.PersonId && later.CaseId != e.CaseId
                    && later.StartDate <= asOf && later.StartDate >= e.DischargedOn && later.StartDate <= e.DischargedOn!.Value.AddDays(lastDay)) ? 1 : 0,
            })
            .Select(e => new { e.Successful, e.WindowOpen, e.Represented, RepresentedInOpenWindow = e.WindowOpen * e.Represented })
            .GroupBy(e => 1)
            .Select(g => new
            {
                Discharges = g.Count(),
                Successful = g.Sum(e => e.Successful),
                WindowOpen = g.Sum(e => e.WindowOpen),
                Represented = g.Sum(e => e.Represented),
                RepresentedInOpenWindow = g.Sum(e => e.RepresentedInOpenWindow),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var completions = new Completions(discharged?.Discharges ?? 0, discharged?.Successful ?? 0);
        var representations = new Representations(
            discharged?.Successful ?? 0,
            discharged?.Represented ?? 0,
            (discharged?.WindowOpen ?? 0) - (discharged?.RepresentedInOpenWindow ?? 0));

        var referrals = await Episodes(e => e.Service == Scheme.YoungPeopleTreatment && e.StartDate >= from && e.StartDate <= to)
            .Select(e => new
            {
                Rereferred = episodes.Any(earlier => earlier.Service == Scheme.YoungPeopleTreatment
                    && earlier.PersonId == e.PersonId && earlier.CaseId != e.CaseId && earlier.StartDate < e.StartDate) ? 1 : 0,
            })
            .GroupBy(e => 1)
            .Select(g => new { Referrals = g.Count(), Rereferred = g.Sum(e => e.Rereferred) })
            .SingleOrDefaultAsync(cancellationToken);
        var rereferred = new YoungPeopleRereferred(referrals?.Referrals ?? 0, referrals?.Rereferred ?? 0);

        audit.Record("report.treatment", AuditOutcome.Allowed, AccessRule.Owner,
            detail: $"{inTreatment.Total} in treatment as of {asOf:yyyy-MM-dd}, {completions.Discharges} discharges {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new TreatmentReportView(asOf, from, to, settings.LongTermYears, settings.RepresentationDays, inTreatment, longTerm, completions, representations, rereferred);
    }
}
