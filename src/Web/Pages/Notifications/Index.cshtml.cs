using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Notifications.ListNotifications;
using CaseManager.Application.Notifications.MarkNotificationRead;
using CaseManager.Domain.Reviews;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Notifications;

/// <summary>
/// The user's notifications, each linking to its review (the form to record it, for the owning agency; the exit
/// decision, for a manager) and to its case, with the date received in the partnership's time zone.
/// </summary>
public sealed class NotificationsIndexModel(ISender sender, ICurrentUser currentUser, LocalTime time) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    public Paged<NotificationItem>? Results { get; private set; }

    public Pagination? Pages { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        Results = await sender.Send(new ListNotificationsQuery(Unread, Math.Max(pageNumber, 1), PageSize), cancellationToken);
        Pages = Pagination.For(Results, "Pages of notifications", p => $"/notifications?unread={Unread}&page={p}");
    }

    public string Received(NotificationItem item) => time.DateOf(item.CreatedAt);

    /// <summary>
    /// Where a notification leads: its review and its case. A review is recorded by the owning agency only, and an
    /// exit decided by its managers, so anyone else is offered the case (or the person's consents) alone: no link
    /// leads to a page the reader cannot open.
    /// </summary>
    public IReadOnlyList<NotificationLink> LinksFor(NotificationItem item)
    {
        var actor = currentUser.Actor;
        var ours = actor.Agency is { } agency && string.Equals(agency.Value, item.OwnerAgency, StringComparison.Ordinal);
        var links = new List<NotificationLink>();
        switch (item.ReviewKind, item.CaseId, item.ConsentId, item.PersonId)
        {
            case (nameof(ReviewKind.Consent), _, { } consentId, { } personId) when ours:
                links.Add(new($"/people/{personId}/consents/{consentId}/reviews/{item.ReviewId}/complete", "Record the consent review", "notification-review"));
                break;
            case (nameof(ReviewKind.Consent), _, _, { } personId):
                links.Add(new(People.PersonSections.Href(personId, People.PersonSection.Consent), "View the person's consents", "notification-person"));
                break;
            case (nameof(ReviewKind.ExitDecision), { } caseId, _, _) when ours && Policies.Allows(Policies.ManageCases, actor):
                links.Add(new($"/cases/{caseId}/exit-decision", "Decide the exit nomination", "notification-review"));
                break;
            case (nameof(ReviewKind.Scheme), { } caseId, _, _) when ours:
                links.Add(new($"/cases/{caseId}/reviews/{item.ReviewId}/complete", "Record the review", "notification-review"));
                break;
        }

        if (item.CaseId is { } theCase)
        {
            links.Add(new($"/cases/{theCase}", "View the case", "notification-case"));
        }

        return links;
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new MarkNotificationReadCommand(id), cancellationToken);
        TempData["Success"] = "Notification marked as read";
        return RedirectToPage(new { unread = Unread });
    }
}

public sealed record NotificationLink(string Href, string Text, string TestId);
