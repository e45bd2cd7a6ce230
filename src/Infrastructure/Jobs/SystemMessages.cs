using CaseManager.Application.Common.Security;
using CaseManager.Infrastructure.Identity;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>How a job sends each of its messages (ADR 0005): in a scope of its own, as the system actor, through the mediator.</summary>
internal static class SystemMessages
{
    public static async Task<object?> SendAsSystemAsync(this IServiceScopeFactory scopes, IMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(Actor.System);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(message, cancellationToken);
    }
}
