using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using Mediator;

namespace CaseManager.Application.Users.GetUser;

[RequiresPolicy(Policies.Administer)]
public sealed record GetUserQuery(Guid UserId) : IQuery<UserAccount>;

public sealed class GetUserHandler(IUserDirectory users) : IQueryHandler<GetUserQuery, UserAccount>
{
    public async ValueTask<UserAccount> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        await users.FindAsync(query.UserId, cancellationToken) ?? throw NotFoundException.For("User", query.UserId);
}
