namespace CaseManager.Domain.Cases;

/// <summary>
/// What IOM adds to a case (DOMAIN.md IOM1–IOM3): the cohort and tier (both local lists, checked against
/// configuration by the application), why the panel selected the person and the score or note behind it.
/// </summary>
public sealed record IomDetails(
    string Cohort,
    string? Tier,
    string SelectionReason,
    string? SelectionScore,
    string? PanelNote,
    bool Mappa,
    bool Ppo,
    decimal? PredictedReoffendingRate);

/// <summary>Custody is part of an IOM case: work continues through a sentence and prepares release (IOM4).</summary>
public sealed record CustodyStatus(bool InCustody, string? Establishment, DateOnly? ExpectedRelease)
{
    public static readonly CustodyStatus InCommunity = new(false, null, null);
}
