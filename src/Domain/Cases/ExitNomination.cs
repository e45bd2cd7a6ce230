namespace CaseManager.Domain.Cases;

public enum ExitDecision
{
    Approved,
    Rejected,
}

/// <summary>
/// A caseworker's proposal that a person leave a scheme, and the manager's decision on it (DOMAIN.md IOM6).
/// Rejected nominations stay on the case as its history; at most one is undecided at a time.
/// </summary>
public sealed class ExitNomination
{
    private ExitNomination()
    {
    }

    internal ExitNomination(ExitReason reason, string note, string? evidence, Guid nominatedBy, DateTimeOffset nominatedAt)
    {
        Id = Guid.CreateVersion7();
        Reason = reason;
        Note = note;
        Evidence = evidence;
        NominatedBy = nominatedBy;
        NominatedAt = nominatedAt;
    }

    public Guid Id { get; private set; }

    public ExitReason Reason { get; private set; }

    public string Note { get; private set; } = string.Empty;

    public string? Evidence { get; private set; }

    public Guid NominatedBy { get; private set; }

    public DateTimeOffset NominatedAt { get; private set; }

    public ExitDecision? Decision { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public bool IsPending => Decision is null;

    internal void Decide(ExitDecision decision, Guid decidedBy, DateTimeOffset at, string? note)
    {
        Decision = decision;
        DecidedBy = decidedBy;
        DecidedAt = at;
        DecisionNote = note;
    }
}
