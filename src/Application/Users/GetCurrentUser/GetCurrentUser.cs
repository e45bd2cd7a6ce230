using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Users.GetCurrentUser;

[AnyAuthenticatedUser]
public sealed record GetCurrentUserQuery : IQuery<CurrentUserProfile>;

public sealed record CurrentUserProfile(Guid Id, string Email, string DisplayName, AgencySummary Agency, [property: NamesOf(typeof(Role))] IReadOnlyList<string> Roles);

public sealed record AgencySummary(string Code, string Name);

public sealed class GetCurrentUserHandler(ICurrentUser currentUser, IAppDbContext db) : IQueryHandler<GetCurrentUserQuery, CurrentUserProfile>
{
    public async ValueTask<CurrentUserProfile> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var agencyCode = actor.RequireAgency();
        var agency = await db.Agencies.AsNoTracking()
            .Where(a => a.Code == agencyCode)
            .Select(a => new AgencySummary(a.Code.Value, a.Name))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Agency", agencyCode);

        return new CurrentUserProfile(
            actor.RequireUserId(),
            actor.Email,
            actor.DisplayName,
            agency,
            actor.Roles.Order().Select(r => r.ToString()).ToList());
    }
}
