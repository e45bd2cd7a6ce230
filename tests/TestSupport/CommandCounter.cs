using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManager.TestSupport;

/// <summary>
/// The SQL commands a piece of work sends, for tests that pin how many statements a request runs. Only commands sent
/// from the flow inside <see cref="RecordAsync{T}"/> are kept (an async-local list), so that work of the host's own
/// on other threads is not counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<List<string>?> Recording = new();

    /// <summary>Runs <paramref name="work"/> and gives its answer with the text of each command it sent, in order.</summary>
    public static async Task<(T Result, IReadOnlyList<string> Commands)> RecordAsync<T>(Func<Task<T>> work)
    {
        var commands = new List<string>();
        Recording.Value = commands;
        try
        {
            var result = await work();
            lock (commands)
            {
                return (result, [.. commands]);
            }
        }
        finally
        {
            Recording.Value = null;
        }
    }

    private static void Record(DbCommand command)
    {
        if (Recording.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
