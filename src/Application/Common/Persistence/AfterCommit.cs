using Microsoft.Extensions.Logging;

namespace CaseManager.Application.Common.Persistence;

/// <summary>
/// Work outside the database (an email) that a command wants done only once its transaction has committed, so
/// that nobody is told of something that was then rolled back. The unit-of-work behaviour runs it.
/// </summary>
public sealed partial class AfterCommit(ILogger<AfterCommit> logger)
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    public void Add(Func<CancellationToken, Task> action) => _actions.Add(action);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var actions = _actions.ToList();
        _actions.Clear();
        foreach (var action in actions)
        {
            // The command has committed: a failed email must not turn it into an error, nor stop the next email.
            try
            {
                await action(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
    }

    public void Discard() => _actions.Clear();

    [LoggerMessage(Level = LogLevel.Error, Message = "An action after commit failed; the command itself was saved")]
    private partial void LogFailed(Exception exception);
}
