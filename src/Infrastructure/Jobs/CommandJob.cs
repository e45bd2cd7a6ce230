using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// A Hangfire job is a command (ADR 0005): this opens a scope, sets the system actor, and sends the command
/// through the mediator so authorisation, validation, logging and audit apply as for any user.
/// Commands carry ids and small values only, because the dashboard shows job arguments.
/// </summary>
public sealed class CommandJob(IServiceScopeFactory scopes)
{
    public async Task Run<TCommand>(TCommand command, CancellationToken cancellationToken)
        where TCommand : IBaseCommand =>
        await scopes.SendAsSystemAsync(command, cancellationToken);
}
