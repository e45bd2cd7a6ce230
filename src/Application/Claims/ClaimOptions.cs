using CaseManager.Domain.Claims;

namespace CaseManager.Application.Claims;

/// <summary>
/// <c>TroubledFamilies:*</c> for claims (DOMAIN.md TF3–TF5): the area's allocation, the money tables by phase and
/// financial year, the share of submitted lines a spot check samples, and the preparation's batch size.
/// </summary>
public sealed class ClaimOptions
{
    public const string Section = "TroubledFamilies";

    /// <summary>How many families the area may claim for in a phase (TF5; Darlington: 275).</summary>
    public int Allocation { get; set; } = 275;

    /// <summary>The money tables; when not configured, <see cref="ClaimMoney.Default"/> (TF3, TF4).</summary>
    public MoneyOptions? Money { get; set; }

    /// <summary>The share of a submitted claim's lines a spot check takes (the government checks about 10%).</summary>
    public decimal SpotCheckShare { get; set; } = 0.10m;

    /// <summary>Cases read, and lines written, per transaction of the preparation job.</summary>
    public int PreparationBatchSize { get; set; } = 500;

    /// <summary>A preparation that has not moved for this long has lost its job: the sweep queues it again (docs/adr/0025).</summary>
    public TimeSpan PreparationStalledAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many times the sweep queues one preparation again before leaving it to be cancelled.</summary>
    public int PreparationRequeues { get; set; } = 5;

    /// <summary>
    /// The money tables: the defaults (TF3, TF4), with each configured phase replacing that phase's table as a whole.
    /// A phase not configured keeps its defaults.
    /// </summary>
    public ClaimMoney MoneyTable()
    {
        var phases = ClaimMoney.Default.Phases.ToDictionary(p => p.Phase);
        foreach (var configured in Money?.Phases ?? [])
        {
            phases[configured.Phase] = new PhaseMoney(
                configured.Phase,
                [.. configured.Years.Select(y => new YearMoney(y.FinancialYear, y.AttachmentFee, y.ResultsElement))],
                configured.ResultShares.ToDictionary(s => s.Key, s => s.Value));
        }

        return new ClaimMoney(phases.Values.OrderBy(p => p.Phase));
    }

    /// <summary>
    /// What is wrong with the configured money tables, checked at start-up so that a claim never fails inside its
    /// background job: a phase other than 1 or 2, or a phase without a share for a result it pays for (TF3, TF4).
    /// </summary>
    public IReadOnlyList<string> MoneyTableProblems()
    {
        var problems = new List<string>();
        foreach (var configured in Money?.Phases ?? [])
        {
            if (configured.Phase is not (1 or 2))
            {
                problems.Add($"phase {configured.Phase} is not a phase of the programme (1 or 2)");
                continue;
            }

            var missing = ClaimOutcomes.ResultsOf(configured.Phase).Where(o => !configured.ResultShares.ContainsKey(o)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"phase {configured.Phase} has no share for {string.Join(", ", missing)}");
            }

            var extra = configured.ResultShares.Keys.Where(o => !ClaimOutcomes.ResultsOf(configured.Phase).Contains(o)).ToList();
            if (extra.Count > 0)
            {
                problems.Add($"phase {configured.Phase} does not pay for {string.Join(", ", extra)}");
            }
        }

        return problems;
    }
}

/// <summary><c>TroubledFamilies:Money</c>: a list of phases, each replacing that phase's defaults as a whole; phases not listed keep theirs.</summary>
public sealed class MoneyOptions
{
    public List<PhaseMoneyOptions> Phases { get; set; } = [];
}

public sealed class PhaseMoneyOptions
{
    public int Phase { get; set; }

    /// <summary>From each financial year (2012 is 2012/13) until the next listed: the attachment fee and the results element.</summary>
    public List<YearMoneyOptions> Years { get; set; } = [];

    /// <summary>Each result's share of the results element, 0 to 1.</summary>
    public Dictionary<ClaimOutcome, decimal> ResultShares { get; set; } = [];
}

public sealed class YearMoneyOptions
{
    public int FinancialYear { get; set; }

    public decimal AttachmentFee { get; set; }

    public decimal ResultsElement { get; set; }
}
