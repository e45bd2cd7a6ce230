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
}

/// <summary>
/// What a check of one batch found: how many people it checked, whose rows differed and were made again, and
/// whether there may be more people after them.
/// </summary>
public sealed record DerivedAccessCheck(int PeopleChecked, IReadOnlyList<PersonId> Repaired, bool More);
