using CaseManager.Domain.Agencies;

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
    /// consent for a consent review. A case review goes to its allocated worker while their account is active. A
    /// consent has no allocated worker, so its recorder hears of it only while they are still an active user of the
    /// agency that recorded it: someone who has moved to another agency no longer answers for its consents.
    /// Otherwise, and when nobody is responsible, the owning agency's managers are told.
    /// </summary>
    /// <param name="kind">What the review is for.</param>
    /// <param name="owner">The agency that owns the case or recorded the consent.</param>
    /// <param name="responsible">The allocated worker or the consent's recorder, if any.</param>
    /// <param name="responsibleAgency">The responsible worker's agency if their account is active; null if it is not (or unknown).</param>
    /// <param name="managers">The owning agency's active managers.</param>
    public static IReadOnlyList<Guid> ForReminder(ReviewKind kind, AgencyCode owner, Guid? responsible, AgencyCode? responsibleAgency, IReadOnlyList<Guid> managers)
    {
        var canAct = kind == ReviewKind.Consent
            ? responsibleAgency == owner
            : responsibleAgency is not null;
        return responsible is { } worker && canAct ? [worker] : managers;
    }

    /// <summary>An overdue review escalates to the owning agency's active managers, whatever its kind.</summary>
    public static IReadOnlyList<Guid> ForEscalation(IReadOnlyList<Guid> managers) => managers;
}
