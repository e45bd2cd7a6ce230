using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;

namespace CaseManager.Application.Claims;

/// <summary>One result of one family case as at a day: met or not, with its checks and the records behind it.</summary>
public sealed record AssessedOutcome(ClaimOutcome Outcome, bool Met, IReadOnlyList<EvidenceCheck> Checks, IReadOnlyList<EvidenceRecord> Records, bool PartlyHidden);

/// <summary>
/// The results of a batch of family cases, from the results engine (DOMAIN.md TF2, TF4) over the facts the reader
/// may see, and which of them a claim proposes.
/// </summary>
public sealed class ClaimResultsReader
{
    private readonly string _unavailable = "Results claims need the results engine";

    /// <summary>Whether results can be assessed in this build; until the results engine is wired, results claims are refused when asked for.</summary>
    public static bool IsAvailable => false;

    public Task<IReadOnlyDictionary<CaseId, IReadOnlyList<AssessedOutcome>>> AssessAsync(int phase, IReadOnlyList<FamilyCaseRow> cases, DateOnly asOf, CancellationToken cancellationToken) =>
        throw new DomainRuleException("claims.results-unavailable", _unavailable);

    /// <summary>
    /// The outcomes to propose, of those met (TF3, TF5): in phase 1 continuous employment pays for both other results
    /// ("instead of both"), so it is proposed alone when met; otherwise crime/ASB and education and progress to work,
    /// each when met. In phase 2 one result: significant and sustained progress, or else continuous employment.
    /// </summary>
    public static IReadOnlyList<AssessedOutcome> Choose(int phase, IReadOnlyList<AssessedOutcome> outcomes)
    {
        var met = outcomes.Where(o => o.Met).ToList();
        if (phase == 1)
        {
            var employment = met.FirstOrDefault(o => o.Outcome == ClaimOutcome.ContinuousEmployment);
            return employment is not null
                ? [employment]
                : [.. met.Where(o => o.Outcome is ClaimOutcome.CrimeAsbEducation or ClaimOutcome.ProgressToWork)];
        }

        var progress = met.FirstOrDefault(o => o.Outcome == ClaimOutcome.SignificantAndSustainedProgress)
            ?? met.FirstOrDefault(o => o.Outcome == ClaimOutcome.ContinuousEmployment);
        return progress is null ? [] : [progress];
    }
}
