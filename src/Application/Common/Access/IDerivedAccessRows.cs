using CaseManager.Domain.People;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// The rows the access rule reads that are derived from other data: sharing rights (ADR 0015) and case readers
/// (ADR 0016). Every save keeps them in step; this checks that it did.
/// </summary>
public interface IDerivedAccessRows
{
    /// <summary>
    /// Compares the rows of up to <paramref name="count"/> people, in id order from <paramref name="skip"/>, with
    /// what their facts derive, and makes again those that differ.
    /// </summary>
    Task<DerivedAccessCheck> CheckAndRepairAsync(int skip, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Works out the next <paramref name="count"/> people of the oldest unfinished background derivation (ADR 0026)
    /// and saves how far it has got.
    /// </summary>
    Task<SharingRightDerivationBatch> DeriveNextBatchAsync(int count, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// A batch of a background derivation: which derivation (null when none was unfinished), how many people it has
/// worked out of how many, and whether it is finished.
/// </summary>
public sealed record SharingRightDerivationBatch(Guid? DerivationId, int Done, int Total, bool Finished)
{
    public static SharingRightDerivationBatch Nothing { get; } = new(null, 0, 0, Finished: true);
}

/// <summary>
/// What a check of one batch found: how many people it checked, whose rows differed and were made again, and
/// whether there may be more people after them.
/// </summary>
public sealed record DerivedAccessCheck(int PeopleChecked, IReadOnlyList<PersonId> Repaired, bool More);

/// <summary>
/// Starts the background derivation of sharing rights soon (ADR 0026). Call after the change that recorded the
/// derivation has committed; the recurring job runs it anyway within a minute, so a lost call only delays it.
/// </summary>
public interface ISharingRightDerivations
{
    Task StartAsync(CancellationToken cancellationToken);
}
