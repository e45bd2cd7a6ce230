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

    /// <summary>The money tables as configured, or the defaults.</summary>
    public ClaimMoney MoneyTable() => Money?.Phases is { Count: > 0 } phases
        ? new ClaimMoney(phases.Select(p => new PhaseMoney(
            p.Phase,
            [.. p.Years.Select(y => new YearMoney(y.FinancialYear, y.AttachmentFee, y.ResultsElement))],
            p.ResultShares.ToDictionary(s => s.Key, s => s.Value))))
        : ClaimMoney.Default;
}

/// <summary><c>TroubledFamilies:Money</c>: a list of phases, each replacing that phase's defaults as a whole.</summary>
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
