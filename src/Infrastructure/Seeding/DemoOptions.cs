namespace CaseManager.Infrastructure.Seeding;

/// <summary><c>Demo:*</c>. Demo data is seeded in Development (or when <see cref="Seed"/> is true), never in Production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool? Seed { get; set; }

    public string Password { get; set; } = DefaultPassword;

    /// <summary>Also seed the council's Troubled Families families and an earlier submitted claim (docs/claims.md); tests that count records turn it off.</summary>
    public bool ClaimFamilies { get; set; } = true;

    /// <summary>Also seed the Troubled Families households with outcome records (eligible, results met, a near-miss; DemoOutcomes); tests that count claim lines turn it off.</summary>
    public bool OutcomeFamilies { get; set; } = true;

    public const string DefaultPassword = "CaseManager-Demo-2026";
}
