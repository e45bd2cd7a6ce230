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

/// <summary>Successful discharges in the period, and those followed by a new episode within the window (DT2).</summary>
public sealed record Representations(int SuccessfulDischarges, int Represented)
{
    public double? Percent => SuccessfulDischarges == 0 ? null : Math.Round(100.0 * Represented / SuccessfulDischarges, 1);
}

/// <summary>Young people's episodes that started in the period, and those of a young person with an earlier young people's episode.</summary>
public sealed record YoungPeopleRereferred(int Referrals, int Rereferred);

public sealed class TreatmentReportValidator : AbstractValidator<TreatmentReportQuery>
{
    public TreatmentReportValidator() =>
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("The period must end on or after it starts");
}

public sealed class TreatmentReportHandler(IAppDbContext db, IRecordAccess access, IAuditTrail audit, PartnershipClock clock, IOptions<TreatmentOptions> options)
    : IQueryHandler<TreatmentReportQuery, TreatmentReportView>
{
    public async ValueTask<TreatmentReportView> Handle(TreatmentReportQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var asOf = query.AsOf ?? clock.Today;
        var to = query.To ?? asOf;
        var from = query.From ?? to.AddYears(-1).AddDays(1);

        var episodes = await access.Readable(db.TreatmentEpisodes.AsNoTracking()).Where(e => e.StartDate <= (asOf > to ? asOf : to)).ToListAsync(cancellationToken);
        var opiateCases = episodes.Where(e => e.OpiateClient).Select(e => e.CaseId).ToList();
        var substitute = (await access.Readable(db.TreatmentInterventions.AsNoTracking())
                .Where(i => opiateCases.Contains(i.CaseId) && i.Type == TreatmentInterventionType.Pharmacological)
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.CaseId);

        var open = episodes.Where(e => e.StartDate <= asOf && (e.DischargedOn is null || e.DischargedOn > asOf)).ToList();
        var inTreatment = new InTreatment(open.Count(e => e.Service == Scheme.AdultTreatment), open.Count(e => e.Service == Scheme.YoungPeopleTreatment));
        var opiate = open.Where(e => e.OpiateClient).ToList();
        var longTerm = new LongTermSubstitute(opiate.Count, opiate.Count(e => TreatmentOutcomes.OnLongTermMaintenance(substitute[e.CaseId], asOf, settings.LongTermYears)));

        var discharged = episodes.Where(e => e.DischargedOn is { } on && on >= from && on <= to).ToList();
        var completions = new Completions(discharged.Count, discharged.Count(e => e.SuccessfulCompletion == true));

        var starts = episodes.ToLookup(e => e.PersonId);
        var successful = discharged.Where(e => e.SuccessfulCompletion == true).ToList();
        var represented = successful.Count(e => starts[e.PersonId].Any(later => later.CaseId != e.CaseId
            && TreatmentOutcomes.IsRepresentation(e.DischargedOn!.Value, later.StartDate, settings.RepresentationDays)));
        var representations = new Representations(successful.Count, represented);

        var youngReferrals = episodes.Where(e => e.Service == Scheme.YoungPeopleTreatment && e.StartDate >= from && e.StartDate <= to).ToList();
        var rereferred = youngReferrals.Count(e => starts[e.PersonId].Any(earlier => earlier.Service == Scheme.YoungPeopleTreatment
            && earlier.CaseId != e.CaseId && earlier.StartDate < e.StartDate));

        audit.Record("report.treatment", AuditOutcome.Allowed, AccessRule.Owner, detail: $"{episodes.Count} treatment episodes, as of {asOf:yyyy-MM-dd}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new TreatmentReportView(asOf, from, to, settings.LongTermYears, settings.RepresentationDays, inTreatment, longTerm, completions, representations,
            new YoungPeopleRereferred(youngReferrals.Count, rereferred));
    }
}
