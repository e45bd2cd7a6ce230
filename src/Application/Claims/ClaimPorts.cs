using CaseManager.Domain.Claims;

namespace CaseManager.Application.Claims;

/// <summary>
/// Insert-if-absent for claims (ADR 0022): rows whose unique key is taken are skipped and not counted, so a retried
/// preparation never duplicates a line and a second submission of an outcome is seen, not stored.
/// </summary>
public interface IClaimStore
{
    Task<int> AddLinesIfAbsentAsync(IReadOnlyCollection<ClaimLine> lines, CancellationToken cancellationToken);

    Task<int> AddOutcomesIfAbsentAsync(IReadOnlyCollection<ClaimedOutcome> outcomes, CancellationToken cancellationToken);

    Task<int> AddFamiliesIfAbsentAsync(IReadOnlyCollection<ClaimedFamily> families, CancellationToken cancellationToken);

    Task AddAllocationIfAbsentAsync(ClaimAllocation allocation, CancellationToken cancellationToken);
}

/// <summary>Queues a claim's preparation as a background job, after the command that created it commits.</summary>
public interface IClaimPreparations
{
    void Enqueue(ClaimId claimId);
}
