namespace CaseManager.Domain.Common;

/// <summary>
/// Base for aggregate roots. <see cref="Version"/> is the optimistic concurrency token: the persistence layer
/// increments it on every save, so two people editing the same record cannot silently overwrite each other.
/// </summary>
public abstract class AggregateRoot
{
    public int Version { get; private set; }

    /// <summary>Called by the persistence layer only, when the aggregate is about to be saved as modified.</summary>
    public void IncrementVersion() => Version++;
}
