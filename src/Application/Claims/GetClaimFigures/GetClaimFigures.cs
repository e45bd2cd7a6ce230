using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims.GetClaimFigures;

/// <summary>
/// The partnership's payment-by-results figures from submitted claims only (the ledger): per phase and financial
/// year of attachment, families attached, results claimed by kind, money claimed and the maximum those families
/// could earn under the money table; per phase, families counted against the allocation.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record GetClaimFiguresQuery : IQuery<ClaimFigures>;

public sealed record ClaimFigures(IReadOnlyList<PhaseFigures> Phases);

public sealed record PhaseFigures(int Phase, int FamiliesCounted, int Allocation, decimal Claimed, decimal Maximum, IReadOnlyList<YearFigures> Years);

public sealed record YearFigures(int FinancialYear, string Name, int FamiliesAttached, IReadOnlyDictionary<string, int> Results, decimal AttachmentClaimed, decimal ResultsClaimed, decimal Maximum)
{
    public decimal Claimed => AttachmentClaimed + ResultsClaimed;
}

public sealed class GetClaimFiguresHandler(IAppDbContext db, IAuditTrail audit, IOptions<ClaimOptions> options) : IQueryHandler<GetClaimFiguresQuery, ClaimFigures>
{
    public async ValueTask<ClaimFigures> Handle(GetClaimFiguresQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var money = settings.MoneyTable();
        // Rows that only take a further slot (phase 1 continuous employment's progress-to-work slot) are no outcome of their own.
        var claimed = await db.ClaimedOutcomes.AsNoTracking().Where(o => o.Primary)
            .GroupBy(o => new { o.Phase, o.FinancialYear, o.Outcome })
            .Select(g => new { g.Key.Phase, g.Key.FinancialYear, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Amounts are added here: SQLite has no decimal arithmetic, and the ledger holds one row per claimed outcome.
        var amounts = (await db.ClaimedOutcomes.AsNoTracking().Where(o => o.Primary).Select(o => new { o.Phase, o.FinancialYear, o.Outcome, o.Amount }).ToListAsync(cancellationToken))
            .GroupBy(o => (o.Phase, o.FinancialYear, o.Outcome))
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Amount));
        var counted = await db.ClaimAllocations.AsNoTracking().ToDictionaryAsync(a => a.Phase, a => a.Families, cancellationToken);

        var phases = new List<PhaseFigures>();
        foreach (var phase in new[] { 1, 2 })
        {
            var rows = claimed.Where(c => c.Phase == phase).ToList();
            var years = rows.Select(r => r.FinancialYear).Distinct().Order().Select(year =>
            {
                var ofYear = rows.Where(r => r.FinancialYear == year).ToList();
                var attached = ofYear.Where(r => r.Outcome == ClaimOutcome.Attachment).Sum(r => r.Count);
                var results = ClaimOutcomes.ResultsOf(phase).ToDictionary(o => o.ToString(), o => ofYear.Where(r => r.Outcome == o).Sum(r => r.Count));
                decimal Amount(Func<ClaimOutcome, bool> which) => amounts.Where(a => a.Key.Phase == phase && a.Key.FinancialYear == year && which(a.Key.Outcome)).Sum(a => a.Value);
                return new YearFigures(year, FinancialYear.Name(year), attached, results,
                    Amount(o => o == ClaimOutcome.Attachment), Amount(o => o != ClaimOutcome.Attachment), attached * money.FamilyMaximum(phase, year));
            }).ToList();
            phases.Add(new PhaseFigures(phase, counted.GetValueOrDefault(phase), settings.Allocation, years.Sum(y => y.Claimed), years.Sum(y => y.Maximum), years));
        }

        audit.Record("report.claims", AuditOutcome.Allowed, AccessRule.Role, detail: $"{claimed.Sum(c => c.Count)} claimed outcomes");
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimFigures(phases);
    }
}
