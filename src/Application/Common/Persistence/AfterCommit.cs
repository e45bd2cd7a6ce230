namespace CaseManager.Application.Common.Persistence;

/// <summary>
/// Work outside the database (an email) that a command wants done only once its transaction has committed, so
/// that nobody is told of something that was then rolled back. The unit-of-work behaviour runs it.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    public void Add(Func<CancellationToken, Task> action) => _actions.Add(action);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var actions = _actions.ToList();
        _actions.Clear();
        foreach (var action in actions)
        {
            await action(cancellationToken);
        }
    }

    public void Discard() => _actions.Clear();
}
