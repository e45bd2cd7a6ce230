using CaseManager.Domain.Common;

namespace CaseManager.Domain.Claims;

/// <summary>
/// One financial year's money for a phase: the attachment fee per family and the results element (the rest of the
/// family's maximum), in pounds. A results line pays the element times its outcome's share.
/// </summary>
public sealed record YearMoney(int FinancialYear, decimal AttachmentFee, decimal ResultsElement);

/// <summary>
/// A phase's money table: the years (each applies from its financial year until the next listed one) and each
/// result's share of the results element.
/// </summary>
public sealed record PhaseMoney(int Phase, IReadOnlyList<YearMoney> Years, IReadOnlyDictionary<ClaimOutcome, decimal> ResultShares);

/// <summary>
/// The payment-by-results money tables (DOMAIN.md TF3, TF4), versioned by phase and financial year. Amounts are
/// <c>decimal</c> pounds and pence, rounded once, to the penny, when a line's amount is worked out; totals are sums of
/// lines and are never rounded again.
/// </summary>
public sealed class ClaimMoney
{
    /// <summary>TF3: up to £4,000 per family in phase 1.</summary>
    public const decimal PhaseOneFamilyMaximum = 4000m;

    private readonly Dictionary<int, PhaseMoney> _phases;

    public ClaimMoney(IEnumerable<PhaseMoney> phases)
    {
        _phases = [];
        foreach (var phase in phases)
        {
            if (phase.Years.Count == 0)
            {
                throw new DomainRuleException("claims.money", $"The money table of phase {phase.Phase} has no years");
            }

            if (phase.Years.Any(y => y.AttachmentFee < 0 || y.ResultsElement < 0) || phase.ResultShares.Values.Any(s => s is < 0 or > 1))
            {
                throw new DomainRuleException("claims.money", $"The money table of phase {phase.Phase} has a negative amount or a share outside 0 to 1");
            }

            if (phase.Years.Select(y => y.FinancialYear).Distinct().Count() != phase.Years.Count)
            {
                throw new DomainRuleException("claims.money", $"The money table of phase {phase.Phase} lists a year twice");
            }

            _phases[phase.Phase] = phase with { Years = [.. phase.Years.OrderBy(y => y.FinancialYear)] };
        }
    }

    public IReadOnlyCollection<PhaseMoney> Phases => _phases.Values;

    /// <summary>
    /// The defaults of TF3 and TF4. Phase 1: the attachment fee is 80%, 60% and 40% of £4,000 for families attached in
    /// 2012/13, 2013/14 and 2014/15, the rest paid by results; the 2012/13 results element of £800 splits £700 for
    /// crime/ASB and education and £100 for progress to work, or £800 for continuous employment instead of both, and
    /// later years scale in proportion (so the shares are 7/8, 1/8 and 1). Phase 2: £1,000 attachment, £800 results.
    /// </summary>
    public static ClaimMoney Default { get; } = new(
    [
        new PhaseMoney(
            1,
            [
                PhaseOneYear(2012, 0.80m),
                PhaseOneYear(2013, 0.60m),
                PhaseOneYear(2014, 0.40m),
            ],
            new Dictionary<ClaimOutcome, decimal>
            {
                [ClaimOutcome.CrimeAsbEducation] = 700m / 800m,
                [ClaimOutcome.ProgressToWork] = 100m / 800m,
                [ClaimOutcome.ContinuousEmployment] = 1m,
            }),
        new PhaseMoney(
            2,
            [new YearMoney(2015, 1000m, 800m)],
            new Dictionary<ClaimOutcome, decimal>
            {
                [ClaimOutcome.SignificantAndSustainedProgress] = 1m,
                [ClaimOutcome.ContinuousEmployment] = 1m,
            }),
    ]);

    /// <summary>
    /// The year's money for a family attached in <paramref name="financialYear"/>: the latest listed year on or
    /// before it (a year after the table's last keeps the last year's money), or the first year for one before the
    /// table starts.
    /// </summary>
    public YearMoney YearOf(int phase, int financialYear)
    {
        var years = PhaseOf(phase).Years;
        return years.LastOrDefault(y => y.FinancialYear <= financialYear) ?? years[0];
    }

    /// <summary>What one line pays, in pounds and pence, for a family attached on <paramref name="attachedOn"/>.</summary>
    public decimal AmountFor(int phase, ClaimOutcome outcome, DateOnly attachedOn)
    {
        var year = YearOf(phase, FinancialYear.Of(attachedOn));
        if (outcome == ClaimOutcome.Attachment)
        {
            return Round(year.AttachmentFee);
        }

        if (!PhaseOf(phase).ResultShares.TryGetValue(outcome, out var share))
        {
            throw new DomainRuleException("claims.outcome-not-in-phase", $"Phase {phase} does not pay for {ClaimOutcomes.Describe(outcome)}");
        }

        return Round(year.ResultsElement * share);
    }

    /// <summary>
    /// The most one family attached in <paramref name="financialYear"/> can be paid in the phase, as the lines that
    /// would pay it, each rounded once: the attachment fee and the best results a family may be claimed for together
    /// (TF5: one results claim per family per phase; in phase 1 crime/ASB + education with progress to work, or
    /// continuous employment instead of both, TF3).
    /// </summary>
    public decimal FamilyMaximum(int phase, int financialYear)
    {
        var year = YearOf(phase, financialYear);
        var shares = PhaseOf(phase).ResultShares;
        decimal Pays(ClaimOutcome outcome) => shares.TryGetValue(outcome, out var share) ? Round(year.ResultsElement * share) : 0m;
        var results = phase == 1
            ? Math.Max(Pays(ClaimOutcome.CrimeAsbEducation) + Pays(ClaimOutcome.ProgressToWork), Pays(ClaimOutcome.ContinuousEmployment))
            : shares.Keys.Select(Pays).DefaultIfEmpty(0m).Max();
        return Round(year.AttachmentFee) + results;
    }

    private PhaseMoney PhaseOf(int phase) =>
        _phases.TryGetValue(phase, out var money) ? money : throw new DomainRuleException("claims.phase", $"There is no money table for phase {phase}");

    /// <summary>The one rounding: to the penny, halves away from zero as money is rounded in the programme's returns.</summary>
    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static YearMoney PhaseOneYear(int year, decimal attachmentShare) =>
        new(year, PhaseOneFamilyMaximum * attachmentShare, PhaseOneFamilyMaximum * (1 - attachmentShare));
}
