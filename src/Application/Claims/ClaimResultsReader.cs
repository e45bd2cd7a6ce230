using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Domain.TroubledFamilies;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims;

/// <summary>One result of one family case as at a day: met or not, with its checks and the records behind it.</summary>
public sealed record AssessedOutcome(ClaimOutcome Outcome, bool Met, IReadOnlyList<EvidenceCheck> Checks, IReadOnlyList<EvidenceRecord> Records, bool PartlyHidden);

/// <summary>
/// The results of a batch of family cases, from the results engine (DOMAIN.md TF2, TF4) over the facts the reader
/// may see, and which of them a claim proposes.
/// </summary>
public sealed class ClaimResultsReader(IFamilyFactsReader facts, IOptions<ResultsOptions> options)
{
    /// <summary>
    /// Each case's results as at the day, from the facts the reader may see (the access rule, in SQL, through
    /// <see cref="IFamilyFactsReader"/>), in a fixed number of queries for the batch. The records behind a line are
    /// the family's outcome records and proven offences in the results' measuring windows; a case whose facts the
    /// reader may not see at all has no results.
    /// </summary>
    public async Task<IReadOnlyDictionary<CaseId, IReadOnlyList<AssessedOutcome>>> AssessAsync(int phase, IReadOnlyList<FamilyCaseRow> cases, DateOnly asOf, CancellationToken cancellationToken)
    {
        var read = await facts.ReadAsync(cases.Select(c => c.CaseId).ToList(), asOf, cancellationToken);
        var assessed = new Dictionary<CaseId, IReadOnlyList<AssessedOutcome>>();
        foreach (var (caseId, family) in read)
        {
            var records = Records(family, asOf);
            assessed[caseId] = ResultsEngine.Evaluate(phase, family, asOf, options.Value)
                .Select(r => new AssessedOutcome(
                    Enum.Parse<ClaimOutcome>(r.Kind.ToString()),
                    r.Met,
                    r.Checks.Select(c => new EvidenceCheck(c.Code, c.Met, c.Measured, c.Needed)).ToList(),
                    records,
                    PartlyHidden: false))
                .ToList();
        }

        return assessed;
    }

    /// <summary>The outcome records and offences of the year before the day and the year before entry, newest first.</summary>
    private static IReadOnlyList<EvidenceRecord> Records(FamilyFacts family, DateOnly asOf)
    {
        var from = (family.AttachedOn ?? asOf).AddYears(-1);
        return
        [
            .. family.Asb.Where(a => a.OccurredOn >= from).Select(a => new EvidenceRecord("Asb", $"{a.Kind} on {a.OccurredOn:yyyy-MM-dd}", a.OccurredOn, $"/people/{a.PersonId.Value}/timeline")),
            .. family.Offences.Where(o => o.CommittedOn >= from).Select(o => new EvidenceRecord("Offence", $"Offence committed {o.CommittedOn:yyyy-MM-dd}, proven {o.ConvictedOn:yyyy-MM-dd}", o.CommittedOn, $"/people/{o.PersonId.Value}/timeline")),
            .. family.Education.Where(e => (e.On ?? asOf) >= from).Select(e => new EvidenceRecord("Education", $"{e.Kind} ({e.Term})", e.On, $"/people/{e.PersonId.Value}/timeline")),
            .. family.Employment.Where(e => e.To is null || e.To >= from).Select(e => new EvidenceRecord("Employment", $"{e.Kind} from {e.From:yyyy-MM-dd}" + (e.To is { } to ? $" to {to:yyyy-MM-dd}" : string.Empty), e.From, $"/people/{e.PersonId.Value}/timeline")),
        ];
    }

    /// <summary>
    /// The outcomes to propose, of those met (TF3, TF5): in phase 1 continuous employment pays for both other results
    /// ("instead of both"), so it is proposed alone when met; otherwise crime/ASB and education and progress to work,
    /// each when met. In phase 2 one result: significant and sustained progress, or else continuous employment.
    /// <paramref name="free"/> says which outcomes the family can still be claimed for (its slots not taken by a
    /// submitted claim); the others count as not met, so a family claimed for progress to work is offered crime/ASB
    /// and education instead of continuous employment.
    /// </summary>
    public static IReadOnlyList<AssessedOutcome> Choose(int phase, IReadOnlyList<AssessedOutcome> outcomes, Func<ClaimOutcome, bool>? free = null)
    {
        var met = outcomes.Where(o => o.Met && (free is null || free(o.Outcome))).ToList();
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
