using CaseManager.Domain.Cases;
using CaseManager.Domain.TroubledFamilies;

namespace CaseManager.Application.TroubledFamilies;

/// <summary>
/// Which results of which family cases have been claimed already in a phase (DOMAIN.md TF5: never the same outcome
/// twice), so the results list can say <c>alreadyClaimed</c>. The claims workflow owns the answer.
/// </summary>
public interface IClaimedOutcomes
{
    Task<IReadOnlySet<(CaseId CaseId, ResultKind Kind)>> ClaimedAsync(IReadOnlyCollection<CaseId> caseIds, int phase, CancellationToken ct);
}

/// <summary>
/// Until claims are stored nothing has been claimed. The claims workflow replaces this registration with one that
/// reads its submitted claim lines.
/// </summary>
public sealed class NothingClaimedYet : IClaimedOutcomes
{
    private static readonly IReadOnlySet<(CaseId CaseId, ResultKind Kind)> None = new HashSet<(CaseId CaseId, ResultKind Kind)>();

    public Task<IReadOnlySet<(CaseId CaseId, ResultKind Kind)>> ClaimedAsync(IReadOnlyCollection<CaseId> caseIds, int phase, CancellationToken ct) => Task.FromResult(None);
}
