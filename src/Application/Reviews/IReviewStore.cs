using CaseManager.Domain.Reviews;

namespace CaseManager.Application.Reviews;

/// <summary>
/// Insert-if-absent for reviews (INSERT … ON CONFLICT DO NOTHING): a consent has at most one review, enforced by a
/// unique index, so two runs scheduling the same consent's review both succeed and only one row exists. Runs in the
/// caller's transaction.
/// </summary>
public interface IReviewStore
{
    /// <summary>Inserts the reviews whose unique keys are not stored yet; returns how many.</summary>
    Task<int> AddIfAbsentAsync(IReadOnlyCollection<Review> reviews, CancellationToken cancellationToken);
}
