namespace CaseManager.Domain.Common;

/// <summary>
/// Base for aggregate roots. <see cref="Version"/> is the optimistic concurrency token: every change moves it on,
/// and a save whose stored version is no longer the one that was read fails, so two people editing the same
/// record cannot silently overwrite each other.
/// </summary>
public abstract class AggregateRoot
{
    public int Version { get; private set; }

    /// <summary>
    /// Moves the version on. Behaviour methods call it so that the new version is known before the save (and can
    /// be returned to the caller); the persistence layer calls it for any other change it finds.
    /// </summary>
    public void IncrementVersion() => Version++;
}
