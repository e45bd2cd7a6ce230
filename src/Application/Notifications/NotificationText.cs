using System.Globalization;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;

namespace CaseManager.Application.Notifications;

/// <summary>
/// The words of a notification, for the page and the digest. Built from codes, dates and ids only: a notice never
/// names the person, so it can go into an email and a log without carrying more than the recipient needs. A consent
/// review says only that it is a consent review, for which scheme: not whom the consent names or what it covers.
/// </summary>
public static class NotificationText
{
    public static string Describe(NotificationKind kind, ReviewKind reviewKind, Scheme scheme, string ownerAgency, DateOnly dueOn)
    {
        var what = reviewKind switch
        {
            ReviewKind.ExitDecision => "Exit nomination decision",
            ReviewKind.Consent => $"{scheme.FullName()} consent review",
            _ => $"{scheme.FullName()} review",
        };
        var due = dueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        return kind switch
        {
            NotificationKind.ReviewDue => $"{what} due on {due}",
            NotificationKind.ReviewOverdue => $"{what} overdue: it was due on {due}",
            // A scheme keeps its capitals ("Troubled Families"); only the exit decision's own words are lowered.
            NotificationKind.Escalation => $"Escalation: a {ownerAgency} {(reviewKind == ReviewKind.ExitDecision ? "exit nomination decision" : what)} has been overdue since {due}",
            _ => $"{what}, due on {due}",
        };
    }

    /// <summary>What a notice is about, by id only: "case …" or "consent …".</summary>
    public static string Subject(Guid? caseId, Guid? consentId) =>
        consentId is { } consent ? $"consent {consent}" : $"case {caseId}";
}
