namespace CaseManager.Domain.Reviews;

/// <summary>What a review is for.</summary>
public enum ReviewKind
{
    /// <summary>The scheme's regular review of the case (IOM panel, family plan, TOP review, ...).</summary>
    Scheme,

    /// <summary>An exit nomination waiting for a manager's decision (DOMAIN.md IOM6).</summary>
    ExitDecision,

    /// <summary>
    /// A given consent reaching its review date (DOMAIN.md IS7): does the person still agree? It belongs to the
    /// consent, not to a case, and is reviewed once: a renewal is a new consent with a review of its own.
    /// </summary>
    Consent,
}

/// <summary>Whether a review is still to be done, was done, or was called off (the case was exited, the consent withdrawn).</summary>
public enum ReviewStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>Where an open review stands on a given day.</summary>
public enum ReviewState
{
    /// <summary>Not yet inside the reminder window.</summary>
    Upcoming,

    /// <summary>Inside the reminder window, up to and including the due date.</summary>
    Due,

    /// <summary>The due date has passed.</summary>
    Overdue,
}
