using System.Globalization;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;

namespace CaseManager.Application.Notifications;

/// <summary>
/// The words of a notification, for the page and the digest. Built from codes, dates and ids only: a notice never
/// names the person, so it can go into an email and a log without carrying more than the recipient needs.
/// </summary>
public static class NotificationText
{
    public static string Describe(NotificationKind kind, ReviewKind reviewKind, string scheme, string ownerAgency, DateOnly dueOn)
    {
        var what = reviewKind == ReviewKind.ExitDecision ? "Exit nomination decision" : $"{scheme} review";
        var due = dueOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        return kind switch
        {
            NotificationKind.ReviewDue => $"{what} due on {due}",
            NotificationKind.ReviewOverdue => $"{what} overdue: it was due on {due}",
            NotificationKind.Escalation => $"Escalation: a {ownerAgency} {what.ToLowerInvariant()} has been overdue since {due}",
            _ => $"{what}, due on {due}",
        };
    }
}
