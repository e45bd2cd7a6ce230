using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;
using Mediator;

namespace CaseManager.Application.Users.DisableUser;

/// <summary>An administrator disables an account: it cannot sign in, and its open sessions and tokens stop working.</summary>
[RequiresPolicy(Policies.Administer)]
public sealed record DisableUserCommand(Guid UserId) : ICommand;

public sealed class DisableUserHandler(IUserDirectory users, ICurrentUser currentUser, IAuditTrail audit) : ICommandHandler<DisableUserCommand>
{
    public async ValueTask<Unit> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(command.UserId, cancellationToken) ?? throw NotFoundException.For("User", command.UserId);
        if (account.Id == currentUser.Actor.UserId)
        {
            throw new DomainRuleException("user.cannot-disable-self", "You cannot disable your own account");
        }

        if (account.IsDisabled)
        {
            throw new DomainRuleException("user.already-disabled", "This account is already disabled");
        }

        await users.DisableAsync(account.Id, cancellationToken);
        audit.Record("user.disable", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("User", account.Id.ToString()));
        return Unit.Value;
    }
}
