using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Notifications.ListUnsentDigests;

/// <summary>The digests recorded but not yet sent, oldest first: the job's second step sends each one.</summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record ListUnsentDigestsQuery(int Max = 10_000) : IQuery<IReadOnlyList<Guid>>;

public sealed class ListUnsentDigestsHandler(IAppDbContext db) : IQueryHandler<ListUnsentDigestsQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ListUnsentDigestsQuery query, CancellationToken cancellationToken) =>
        await db.NotificationDigests.AsNoTracking()
            .Where(d => d.SentAt == null)
            .OrderBy(d => d.Day).ThenBy(d => d.Id)
            .Select(d => d.Id)
            .Take(query.Max)
            .ToListAsync(cancellationToken);
}
