using System.Diagnostics;
using CaseManager.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CaseManager.Application.Common.Behaviours;

/// <summary>
/// Logs each message's name, actor id, outcome and duration. Never the payload: messages carry personal data.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var actor = currentUser.Actor.IsSystem ? "system" : currentUser.Actor.UserId?.ToString() ?? "anonymous";
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(MessagePolicy<TMessage>.Name, actor, elapsed);
            return response;
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var error = exception.GetType().Name;
            LogFailed(MessagePolicy<TMessage>.Name, actor, error, elapsed);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Message} for {Actor} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string message, string actor, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} for {Actor} ended with {Error} after {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string message, string actor, string error, double elapsedMs);
}
