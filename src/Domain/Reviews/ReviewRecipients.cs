namespace CaseManager.Domain.Reviews;

/// <summary>
/// Who is told about a due or overdue review (docs/reviews-and-reminders.md, "Who is told"). The reminder and the
/// overdue notice go to the worker responsible for the review when they can still act on it, otherwise to the
/// managers of the owning agency; escalations always go to those managers.
/// </summary>
public static class ReviewRecipients
{
    /// <summary>
    /// The worker responsible is the case's allocated worker for a case review, and the worker who recorded the
    /// consent for a consent review. Either kind goes to them only while they can act on it: while they are an active
    /// user of the owning agency with a case-working role. Someone who has moved to another agency, been disabled or
    /// lost the role no longer answers for the agency's reviews, and may no longer be allowed to read them.
    /// Otherwise, and when nobody is responsible, the owning agency's managers are told.
    /// </summary>
    /// <param name="responsible">The allocated worker or the consent's recorder, if any.</param>
    /// <param name="responsibleCanAct">Whether they are an active user of the owning agency with a case-working role (asked of the user directory).</param>
    /// <param name="managers">The owning agency's active managers.</param>
    public static IReadOnlyList<Guid> ForReminder(Guid? responsible, bool responsibleCanAct, IReadOnlyList<Guid> managers) =>
        responsible is { } worker && responsibleCanAct ? [worker] : managers;

    /// <summary>An overdue review escalates to the owning agency's active managers, whatever its kind.</summary>
    public static IReadOnlyList<Guid> ForEscalation(IReadOnlyList<Guid> managers) => managers;
}
