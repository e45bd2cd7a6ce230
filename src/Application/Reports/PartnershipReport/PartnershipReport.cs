using System.Globalization;
using CaseManager.Application.Claims;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.ReferenceFigures;
using CaseManager.Application.ReferenceFigures.ListReferenceFigures;
using CaseManager.Application.Reports.IomReport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Application.TroubledFamilies.ListTroubledFamilies;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.Reporting;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Reports.PartnershipReport;

/// <summary>
/// The partnership report for the community safety board: a section per priority of the strategy, over a period
/// (the financial year to date unless given). Every figure counts only records the reader may see (the one access
/// rule, in SQL), and small numbers are suppressed (<see cref="SmallNumbers"/>). Figures that a scheme report also
/// shows come from that report's query, so the two always agree.
/// </summary>
[RequiresPolicy(Policies.PartnershipReport)]
public sealed record PartnershipReportQuery(DateOnly? From = null, DateOnly? To = null) : IQuery<PartnershipReportView>;

public sealed class PartnershipReportValidator : AbstractValidator<PartnershipReportQuery>
{
    public PartnershipReportValidator()
    {
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("The period must end on or after it starts");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || to.Value.DayNumber - q.From.Value.DayNumber <= 3660)
            .WithMessage("The period can be at most ten years");
    }
}

public sealed class PartnershipReportHandler(
    ISender sender,
    IAppDbContext db,
    IRecordAccess access,
    ICurrentUser currentUser,
    IAuditTrail audit,
    PartnershipClock clock,
    TroubledFamiliesList troubledFamilies,
    IOptions<ReportOptions> options,
    IOptions<ClaimOptions> claimOptions)
    : IQueryHandler<PartnershipReportQuery, PartnershipReportView>
{
    public const string Basis =
        "Only records you may see are counted: your agency's own, and what consent and the sharing agreements let it see.";

    public async ValueTask<PartnershipReportView> Handle(PartnershipReportQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var to = query.To ?? (query.From is { } start && start.AddYears(1).AddDays(-1) < today ? start.AddYears(1).AddDays(-1) : today);
        var from = query.From ?? FinancialYearStart(to);
        var figures = new FigureBuilder(options.Value.SuppressBelow);
        var references = (await sender.Send(new ListReferenceFiguresQuery(), cancellationToken)).ToLookup(r => r.Priority);

        IReadOnlyList<PrioritySection> sections =
        [
            await AsbAsync(figures, references[PartnershipPriority.Asb].ToList(), from, to, cancellationToken),
            await ReoffendingAsync(figures, references[PartnershipPriority.Reoffending].ToList(), to, cancellationToken),
            await DrugsAndAlcoholAsync(figures, references[PartnershipPriority.DrugsAndAlcohol].ToList(), from, to, cancellationToken),
            await FamiliesAsync(figures, references[PartnershipPriority.Families].ToList(), from, to, cancellationToken),
            await VulnerablePeopleAsync(figures, references[PartnershipPriority.VulnerablePeople].ToList(), from, to, cancellationToken),
        ];

        audit.Record("report.partnership", AuditOutcome.Allowed, AccessRule.Owner, detail: $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new PartnershipReportView(from, to, options.Value.SuppressBelow, Basis, sections);
    }

    /// <summary>The UK financial year (1 April to 31 March) that a day falls in starts on this day.</summary>
    public static DateOnly FinancialYearStart(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1, 4, 1);

    /// <summary>
    /// The anti-social behaviour records the reader may see, counted in SQL: incidents per month of the period,
    /// people and households with an ASB intervention (anything but an incident: a warning, contract, injunction,
    /// order, notice or housing action) in it, and people with more than one incident in it.
    /// </summary>
    private async Task<PrioritySection> AsbAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var asb = access.Readable(db.AsbRecords.AsNoTracking()).Where(r => r.OccurredOn >= from && r.OccurredOn <= to);
        var incidents = asb.Where(r => r.Kind == AsbKind.Incident);
        var interventions = asb.Where(r => r.Kind != AsbKind.Incident);

        var perMonth = (await incidents
                .GroupBy(r => new { r.OccurredOn.Year, r.OccurredOn.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Incidents = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.Year, m.Month), m => m.Incidents);
        var months = MonthsOf(from, to)
            .Select(m => (m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", CultureInfo.InvariantCulture), perMonth.GetValueOrDefault((m.Year, m.Month))))
            .ToList();

        var people = await interventions.Select(r => r.PersonId).Distinct().CountAsync(cancellationToken);
        // A household counts when one of its members had an intervention while a member. The period's interventions
        // find their households first, so that the access rule is worked out for those households only, not for
        // every household (docs/performance.md "Partnership report").
        var withIntervention =
            from r in interventions
            from h in db.Households.AsNoTracking()
            from m in h.Members
            where m.PersonId == r.PersonId && r.OccurredOn >= m.From && (m.To == null || r.OccurredOn <= m.To)
            select h.Id;
        var households = await access.ReadableHouseholds(db.Households.AsNoTracking())
            .CountAsync(h => withIntervention.Contains(h.Id), cancellationToken);
        var repeatPeople = await incidents.GroupBy(r => r.PersonId).Where(g => g.Count() > 1).CountAsync(cancellationToken);

        return new PrioritySection(PartnershipPriority.Asb, "Anti-social behaviour",
            [
                figures.Count("PeopleWithAsbInterventions", "People with an anti-social behaviour intervention in the period", people),
                figures.Count("HouseholdsWithAsbInterventions", "Households with an anti-social behaviour intervention in the period", households),
                figures.Count("RepeatAsbPeople", "People with more than one anti-social behaviour incident in the period", repeatPeople),
            ],
            [figures.Series("AsbIncidents", "Anti-social behaviour incidents recorded per month", months, "Anti-social behaviour incidents")],
            references,
            ["Where anti-social behaviour happened is not recorded in CaseManager, so repeat locations cannot be counted yet."]);
    }

    /// <summary>The first day of each calendar month that the period touches.</summary>
    private static IEnumerable<DateOnly> MonthsOf(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>From the IOM report's query as at the last day of the period (the same figures as the IOM report for that day).</summary>
    private async Task<PrioritySection> ReoffendingAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly to, CancellationToken cancellationToken)
    {
        var iom = await sender.Send(new IomReportQuery(to), cancellationToken);
        var cohorts = iom.CohortSize.GroupBy(c => c.Cohort).Select(g => (g.Key, g.Key, g.Sum(c => c.People))).ToList();
        var total = iom.Total;
        return new PrioritySection(PartnershipPriority.Reoffending, "Offending and re-offending",
            [
                figures.Over("OffencesPerPersonYearBefore", "Offences per person-year in the 12 months before entry", FigureKind.Rate, (decimal)total.RateBefore, total.People),
                figures.Over("OffencesPerPersonYearSince", "Offences per person-year since entry", FigureKind.Rate, (decimal)total.RateSince, total.People),
                figures.Over("CostPerPersonYearBefore", "Cost of crime per person-year before entry", FigureKind.Pounds, total.CostPerPersonYearBefore, total.People),
                figures.Over("CostPerPersonYearSince", "Cost of crime per person-year since entry", FigureKind.Pounds, total.CostPerPersonYearSince, total.People),
                figures.Over("TopOffendersCostBefore", $"Cost of the top {TopOffenders.Size} offenders' crime in the year before entry", FigureKind.Pounds, iom.TopOffenders.CostBefore, iom.TopOffenders.People),
                figures.Over("TopOffendersCostSince", $"Cost of the top {TopOffenders.Size} offenders' crime per year since entry", FigureKind.Pounds, iom.TopOffenders.CostSincePerYear, iom.TopOffenders.People),
                figures.Over("PredictedReoffending", "Predicted re-offending in the first year", FigureKind.Percent, (decimal?)iom.Predicted.PredictedPercent, iom.Predicted.People),
                figures.Over("ActualReoffending", "Actual re-offending in the first year", FigureKind.Percent, (decimal?)iom.Predicted.ActualPercent, iom.Predicted.People),
            ],
            [figures.Series("IomCohort", "People on IOM by cohort", cohorts, "People on IOM")],
            references,
            []);
    }

    /// <summary>From the treatment report's query over the same period (the same figures as the treatment report page).</summary>
    private async Task<PrioritySection> DrugsAndAlcoholAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var treatment = await sender.Send(new TreatmentReportQuery(to, from, to), cancellationToken);
        return new PrioritySection(PartnershipPriority.DrugsAndAlcohol, "Drugs and alcohol",
            [
                figures.Share("LongTermSubstituteShare", $"Opiate clients on substitute medication for {treatment.LongTermYears} years or more",
                    treatment.LongTermSubstitute.OnLongTermSubstitute, treatment.LongTermSubstitute.OpiateClients),
                figures.Share("SuccessfulCompletionShare", "Discharges that were successful completions", treatment.Completions.Successful, treatment.Completions.Discharges),
                figures.Count("SuccessfulCompletions", "Successful completions", treatment.Completions.Successful),
                figures.Share("RepresentationShare", $"Successful completions that re-presented within {treatment.RepresentationDays} days",
                    treatment.Representations.Represented, treatment.Representations.Known),
                figures.Share("YoungPeopleRereferredShare", "Young people's referrals that were re-referrals",
                    treatment.YoungPeopleRereferred.Rereferred, treatment.YoungPeopleRereferred.Referrals),
            ],
            [
                figures.Series("InTreatment", $"People in treatment on {to:d MMMM yyyy}",
                    [("Adults", "Adults", treatment.InTreatment.Adults), ("YoungPeople", "Young people", treatment.InTreatment.YoungPeople)], "People in treatment"),
            ],
            references,
            []);
    }

    /// <summary>
    /// Family cases the reader may see, counted in SQL: attached to Troubled Families by the end of the period and
    /// worked with in it, families identified (attached, or eligible under the current phase on the last day though
    /// not attached: the coordinator's list) against the area's allocation, results claimed in the period by kind,
    /// and high-impact households and FIT families open at its end.
    /// </summary>
    private async Task<PrioritySection> FamiliesAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var cases = access.Readable(db.Cases.AsNoTracking());
        var troubled = cases.Where(c => c.Scheme == Scheme.TroubledFamilies && c.StartDate <= to);
        var attached = await troubled.CountAsync(cancellationToken);
        var workedWith = await troubled.CountAsync(c => c.ExitedOn == null || c.ExitedOn >= from, cancellationToken);
        var highImpact = await cases.CountAsync(c => c.Scheme == Scheme.HighImpactHousehold && c.StartDate <= to && (c.ExitedOn == null || c.ExitedOn > to), cancellationToken);
        var fit = await cases.CountAsync(c => c.Scheme == Scheme.Fit && c.StartDate <= to && (c.ExitedOn == null || c.ExitedOn > to), cancellationToken);

        const int phase = 1;
        var identified = attached + (await troubledFamilies.EligibleNotAttachedAsync(phase, to, cancellationToken)).Count;

        var start = StartOf(from);
        var end = StartOf(to.AddDays(1));
        var claimed = (await db.ClaimedOutcomes.AsNoTracking()
                .Where(o => o.Primary && o.Outcome != ClaimOutcome.Attachment && o.ClaimedAt >= start && o.ClaimedAt < end && cases.Any(c => c.Id == o.CaseId))
                .GroupBy(o => o.Outcome)
                .Select(g => new { Outcome = g.Key, Results = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => r.Outcome, r => r.Results);
        var results = Enum.GetValues<ClaimOutcome>().Where(o => o != ClaimOutcome.Attachment)
            .Select(o => (o.ToString(), ResultWords(o), claimed.GetValueOrDefault(o)))
            .ToList();

        return new PrioritySection(PartnershipPriority.Families, "Families",
            [
                figures.Count("TroubledFamiliesAllocation", "The area's allocation of troubled families", claimOptions.Value.Allocation),
                figures.Count("TroubledFamiliesIdentified", $"Troubled families identified (attached, or eligible under phase {phase} on {to:d MMMM yyyy})", identified),
                figures.Count("TroubledFamiliesAttached", "Troubled families attached to the programme", attached),
                // Worked with is part of attached: published only when neither it nor the rest could be worked out as small.
                figures.Part("TroubledFamiliesWorkedWith", "Troubled families worked with in the period", workedWith, attached),
                figures.Count("HighImpactHouseholdsOpen", $"High-impact households open on {to:d MMMM yyyy}", highImpact),
                figures.Count("FitFamiliesOpen", $"Families with the Family Intervention Team on {to:d MMMM yyyy}", fit),
            ],
            [figures.Series("ResultsClaimed", "Payment-by-results results claimed in the period, by result", results, "Results claimed")],
            references,
            []);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string ResultWords(ClaimOutcome outcome) => outcome switch
    {
        ClaimOutcome.CrimeAsbEducation => "Crime, anti-social behaviour and education",
        ClaimOutcome.ContinuousEmployment => "Continuous employment",
        ClaimOutcome.ProgressToWork => "Progress to work",
        ClaimOutcome.SignificantAndSustainedProgress => "Significant and sustained progress",
        _ => "Attachment",
    };

    /// <summary>
    /// What is recorded today: break-glass uses by risk category (the reader's agency's own uses; the information
    /// governance lead, who reviews every use, sees all) and victim-sensitive records the reader may see, by owner.
    /// </summary>
    private async Task<PrioritySection> VulnerablePeopleAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var start = StartOf(from);
        var end = StartOf(to.AddDays(1));
        var grants = db.BreakGlassGrants.AsNoTracking().Where(g => g.GrantedAt >= start && g.GrantedAt < end);
        if (!actor.IsInRole(Role.InformationGovernance))
        {
            var agency = actor.Agency;
            grants = grants.Where(g => g.UserAgency == agency);
        }

        var byCategory = (await grants.GroupBy(g => g.RiskCategory).Select(g => new { Category = g.Key, Uses = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Category, g => g.Uses);
        var uses = Enum.GetValues<RiskCategory>().Select(c => (c.ToString(), Words(c), byCategory.GetValueOrDefault(c))).ToList();

        var victimSensitive = await access.Readable(db.Interventions.AsNoTracking())
            .Where(i => i.DataCategory == DataCategory.VictimSensitive && i.OccurredAt >= start && i.OccurredAt < end)
            .GroupBy(i => i.OwnerAgency)
            .Select(g => new { Owner = g.Key, Records = g.Count() })
            .ToListAsync(cancellationToken);
        var owners = victimSensitive.OrderBy(v => v.Owner.Value).Select(v => (v.Owner.Value, v.Owner.Value, v.Records)).ToList();

        return new PrioritySection(PartnershipPriority.VulnerablePeople, "Vulnerable people",
            [],
            [
                figures.Series("BreakGlassUses", "Emergency (break-glass) access by risk category", uses, "Break-glass uses"),
                figures.Series("VictimSensitiveRecords", "Victim-sensitive records by owning agency", owners, "Victim-sensitive records"),
            ],
            references,
            ["Domestic abuse, hate crime and sexual violence cases are not yet recorded in CaseManager: their figures will appear here when that work lands."]);
    }

    private static string Words(RiskCategory category) => category switch
    {
        RiskCategory.RiskToLife => "Risk to life",
        RiskCategory.ChildAtRisk => "Child at risk",
        RiskCategory.AdultAtRisk => "Adult at risk",
        RiskCategory.DomesticAbuse => "Domestic abuse",
        RiskCategory.PreventSeriousCrime => "Prevent serious crime",
        _ => "Other",
    };
}
