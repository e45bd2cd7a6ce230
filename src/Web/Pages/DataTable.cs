namespace CaseManager.Web.Pages;

/// <summary>A plain GOV.UK table of text, for pages that show records as they are (a subject access export).</summary>
public sealed record DataTable(
    string Caption,
    string TestId,
    string WhenEmpty,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows);
