namespace CaseManager.Domain.TroubledFamilies;

/// <summary>The payment-by-results outcomes (DOMAIN.md TF2, TF4; API.md "Payment-by-results claims").</summary>
public enum ResultKind
{
    CrimeAsbEducation,
    ContinuousEmployment,
    ProgressToWork,
    SignificantAndSustainedProgress,
}

/// <summary>One result for a family as at a day: met when every check is.</summary>
public sealed record ResultAssessment(ResultKind Kind, bool Met, IReadOnlyList<ResultCheck> Checks);

/// <summary>One check of a result in plain English: what was measured and what was needed ("60% needed").</summary>
public sealed record ResultCheck(string Code, bool Met, string Measured, string Needed);
