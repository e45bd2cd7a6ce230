using CaseManager.Application.Common.Paging;
using CaseManager.Application.Notifications.ListNotifications;
using CaseManager.Application.Notifications.MarkNotificationRead;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Notifications;

public sealed class NotificationsIndexModel(ISender sender) : PageModel
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

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new MarkNotificationReadCommand(id), cancellationToken);
        TempData["Success"] = "Notification marked as read";
        return RedirectToPage(new { unread = Unread });
    }
}
