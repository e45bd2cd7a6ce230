namespace CaseManager.Web.Pages;

/// <summary>One row of a GOV.UK summary list.</summary>
public sealed record SummaryRow(string Key, string? Value);
