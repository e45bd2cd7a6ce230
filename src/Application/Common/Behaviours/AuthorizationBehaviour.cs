using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using Mediator;

namespace CaseManager.Application.Common.Behaviours;

/// <summary>
/// Deny by default: a message runs only when its <see cref="RequiresPolicyAttribute"/> admits the actor, or it is
/// marked <see cref="AnyAuthenticatedUserAttribute"/> and the actor is signed in. A refusal is audited.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser, IAuditTrail audit, IAppDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var allowed = actor.IsAuthenticated && (MessagePolicy<TMessage>.Policy is { } policy
            ? Policies.Allows(policy, actor)
            : MessagePolicy<TMessage>.AnyAuthenticatedUser && !actor.IsSystem);

        if (!allowed)
        {
            if (actor.IsAuthenticated)
            {
                audit.Record($"message.{MessagePolicy<TMessage>.Name}", AuditOutcome.Refused, AccessRule.NoRule,
                    detail: MessagePolicy<TMessage>.Policy is { } required ? $"Requires policy {required}" : "No policy on message");
                await db.SaveChangesAsync(cancellationToken);
            }

            throw new ForbiddenAccessException("You do not have permission to do this.");
        }

        return await next(message, cancellationToken);
    }
}
