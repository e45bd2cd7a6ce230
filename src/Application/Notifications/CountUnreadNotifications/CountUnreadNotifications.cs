using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Notifications.CountUnreadNotifications;

/// <summary>How many of the caller's notifications are unread (the count in the page header).</summary>
[AnyAuthenticatedUser]
public sealed record CountUnreadNotificationsQuery : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<CountUnreadNotificationsQuery, int>
{
    public async ValueTask<int> Handle(CountUnreadNotificationsQuery query, CancellationToken cancellationToken)
    {
        if (currentUser.Actor.UserId is not { } me)
        {
            return 0;
        }

        return await UnreadOf(db, me).CountAsync(cancellationToken);
    }

    /// <summary>A user's unread notifications: the header's count and the home page's.</summary>
    public static IQueryable<Notification> UnreadOf(IAppDbContext db, Guid userId) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadAt == null);
}
