using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.ReferenceFigures;
using CaseManager.Application.ReferenceFigures.ListReferenceFigures;
using CaseManager.Application.Reports.IomReport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
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
    ISender sender, IAppDbContext db, IRecordAccess access, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, IOptions<ReportOptions> options)
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
            Asb(references[PartnershipPriority.Asb].ToList()),
            await ReoffendingAsync(figures, references[PartnershipPriority.Reoffending].ToList(), cancellationToken),
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

    /// <summary>The reference figures only, until the section counts the ASB outcome records (docs/partnership-report.md).</summary>
    private static PrioritySection Asb(IReadOnlyList<ReferenceFigureView> references) =>
        new(PartnershipPriority.Asb, "Anti-social behaviour", [], [], references,
            ["Anti-social behaviour incidents, interventions and repeat locations are not yet recorded in CaseManager."]);

    /// <summary>From the IOM report's query (the same figures as the IOM report page), as at the end of the period.</summary>
    private async Task<PrioritySection> ReoffendingAsync(FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, CancellationToken cancellationToken)
    {
        var iom = await sender.Send(new IomReportQuery(), cancellationToken);
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

    /// <summary>Family cases the reader may see, counted in SQL: attached to Troubled Families by the end of the period, worked with in it, and high-impact households open at its end.</summary>
    private async Task<PrioritySection> FamiliesAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var cases = access.Readable(db.Cases.AsNoTracking());
        var troubled = cases.Where(c => c.Scheme == Scheme.TroubledFamilies && c.StartDate <= to);
        var attached = await troubled.CountAsync(cancellationToken);
        var workedWith = await troubled.CountAsync(c => c.ExitedOn == null || c.ExitedOn >= from, cancellationToken);
        var highImpact = await cases.CountAsync(c => c.Scheme == Scheme.HighImpactHousehold && c.StartDate <= to && (c.ExitedOn == null || c.ExitedOn > to), cancellationToken);
        var fit = await cases.CountAsync(c => c.Scheme == Scheme.Fit && c.StartDate <= to && (c.ExitedOn == null || c.ExitedOn > to), cancellationToken);
        return new PrioritySection(PartnershipPriority.Families, "Families",
            [
                figures.Count("TroubledFamiliesAttached", "Troubled families attached to the programme", attached),
                figures.Count("TroubledFamiliesWorkedWith", "Troubled families worked with in the period", workedWith),
                figures.Count("HighImpactHouseholdsOpen", $"High-impact households open on {to:d MMMM yyyy}", highImpact),
                figures.Count("FitFamiliesOpen", $"Families with the Family Intervention Team on {to:d MMMM yyyy}", fit),
            ],
            [],
            references,
            ["Families identified as eligible and results claimed are not yet recorded in CaseManager."]);
    }

    /// <summary>
    /// What is recorded today: break-glass uses by risk category (the reader's agency's own uses; the information
    /// governance lead, who reviews every use, sees all) and victim-sensitive records the reader may see, by owner.
    /// </summary>
    private async Task<PrioritySection> VulnerablePeopleAsync(
        FigureBuilder figures, IReadOnlyList<ReferenceFigureView> references, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
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
