namespace CaseManager.Web.Pages;

/// <summary>One row of a GOV.UK summary list, with a "Change" link where the reader may change the value.</summary>
public sealed record SummaryRow(string Key, string? Value)
{
    public SummaryChange? Change { get; init; }

    /// <summary>Another row of the same list has a Change link, so this one keeps an empty actions column.</summary>
    public bool NoActions { get; init; }

    /// <summary>Marks the rows without a Change link when any row of the list has one, as GOV.UK asks.</summary>
    public static IReadOnlyList<SummaryRow> Aligned(IReadOnlyList<SummaryRow> rows) =>
        rows.Any(r => r.Change is not null) ? rows.Select(r => r.Change is null ? r with { NoActions = true } : r).ToList() : rows;
}

/// <summary>A summary row's "Change" link; <paramref name="What"/> completes it for screen readers ("Change allocated worker").</summary>
public sealed record SummaryChange(string Href, string What, string? TestId = null);
