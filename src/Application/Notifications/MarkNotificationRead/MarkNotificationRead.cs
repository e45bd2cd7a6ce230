using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Notifications.MarkNotificationRead;

/// <summary>Marks one of the caller's own notifications read. Anyone else's is "not found".</summary>
[AnyAuthenticatedUser]
public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand;

public sealed class MarkNotificationReadHandler(IAppDbContext db, ICurrentUser currentUser, PartnershipClock clock) : ICommandHandler<MarkNotificationReadCommand>
{
    public async ValueTask<Unit> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Actor.RequireUserId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == me, cancellationToken)
            ?? throw NotFoundException.For("Notification", command.NotificationId);
        notification.MarkRead(clock.Now);
        return Unit.Value;
    }
}
