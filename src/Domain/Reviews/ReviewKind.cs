namespace CaseManager.Domain.Reviews;

/// <summary>What a review is for.</summary>
public enum ReviewKind
{
    /// <summary>The scheme's regular review of the case (IOM panel, family plan, TOP review, ...).</summary>
    Scheme,

    /// <summary>An exit nomination waiting for a manager's decision (DOMAIN.md IOM6).</summary>
    ExitDecision,
}

/// <summary>Whether a review is still to be done, was done, or was called off (the case was exited).</summary>
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
