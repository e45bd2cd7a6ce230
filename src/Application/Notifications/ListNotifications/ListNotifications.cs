using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Notifications.ListNotifications;

/// <summary>The caller's own notifications, newest first; nobody sees another user's.</summary>
[AnyAuthenticatedUser]
public sealed record ListNotificationsQuery(bool UnreadOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Paged<NotificationItem>>, IPagedRequest;

public sealed record NotificationItem(
    Guid Id,
    NotificationKind Kind,
    Guid? CaseId,
    Guid? ConsentId,
    Guid ReviewId,
    string ReviewKind,
    string Scheme,
    string OwnerAgency,
    DateOnly DueOn,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    Guid? PersonId = null);

public sealed class ListNotificationsValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsValidator() => this.AddPagingRules();
}

public sealed class ListNotificationsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<ListNotificationsQuery, Paged<NotificationItem>>
{
    public async ValueTask<Paged<NotificationItem>> Handle(ListNotificationsQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Actor.RequireUserId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        if (query.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var page = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToPagedAsync(query, cancellationToken);
        // A consent review is found under its person: one query for the page's consents.
        var consentIds = page.Items.Where(n => n.ConsentId is not null).Select(n => n.ConsentId!.Value).Distinct().ToList();
        Dictionary<Domain.Sharing.ConsentId, Guid> personOf = consentIds.Count == 0
            ? []
            : await db.Consents.AsNoTracking().Where(c => consentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PersonId.Value, cancellationToken);
        return new Paged<NotificationItem>(
            page.Items.Select(n => new NotificationItem(
                n.Id, n.Kind, n.CaseId?.Value, n.ConsentId?.Value, n.ReviewId.Value, n.ReviewKind.ToString(), n.Scheme.ToString(), n.OwnerAgency.Value, n.DueOn,
                NotificationText.Describe(n.Kind, n.ReviewKind, n.Scheme, n.OwnerAgency.Value, n.DueOn), n.CreatedAt, n.ReadAt,
                n.ConsentId is { } consentId && personOf.TryGetValue(consentId, out var personId) ? personId : null)).ToList(),
            page.Page,
            page.PageSize,
            page.Total);
    }
}
