using CaseManager.Domain.Auditing;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// Group commit for saves that hold nothing but new audit entries: the entries of a read (ADR 0027). Each such save
/// joins a queue; one waiting save at a time, the leader, chains and commits everything queued so far in one
/// transaction through its own context, and every save in that group returns only once its entries are committed.
/// A read's answer still waits for its own audit entries to be durable, so nothing answered can be missing from the
/// trail; what is shared is the commit (and its flush to disk), which otherwise capped audited reads at one per
/// disk flush.
/// One instance per database of the process. The entries are made by <see cref="AuditEntry.Record"/> and need nothing
/// of the database but a place in the chain, so a group fails only when its transaction does, and then every save in
/// it fails.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process; a SemaphoreSlim whose wait handle is never asked for holds nothing to free.")]
public sealed class AuditGroupCommit(int maxEntriesPerCommit = 1_000)
{
    private readonly SemaphoreSlim _leader = new(1, 1);
    private readonly Queue<Waiting> _queue = new();

    /// <summary>How many commits wrote how many groups' entries: for tests and the load benchmark's report.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    private long _commits;

    /// <summary>
    /// Queues the entries (detached from the caller's context) and returns when they are committed, as part of this
    /// or another save's group. <paramref name="commit"/> saves a group's entries in one transaction of the caller's
    /// context; it runs only while the caller leads.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, Func<IReadOnlyList<AuditEntry>, Task> commit)
    {
        var waiting = new Waiting(entries);
        lock (_queue)
        {
            _queue.Enqueue(waiting);
        }

        // Not cancellable: once queued, the entries of a read that was answered or is being answered must be
        // written, whether or not the caller is still there to wait.
        await _leader.WaitAsync(CancellationToken.None);
        try
        {
            while (!waiting.Done.Task.IsCompleted)
            {
                await CommitNextGroupAsync(commit);
            }
        }
        finally
        {
            _leader.Release();
        }

        await waiting.Done.Task;
    }

    private async Task CommitNextGroupAsync(Func<IReadOnlyList<AuditEntry>, Task> commit)
    {
        var group = new List<Waiting>();
        var count = 0;
        lock (_queue)
        {
            while (_queue.Count > 0 && (group.Count == 0 || count + _queue.Peek().Entries.Count <= maxEntriesPerCommit))
            {
                var next = _queue.Dequeue();
                group.Add(next);
                count += next.Entries.Count;
            }
        }

        try
        {
            await commit(group.SelectMany(w => w.Entries).ToList());
            Interlocked.Increment(ref _commits);
            group.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception exception)
        {
            // The database refused the transaction (a full disk, a lost connection): every save of the group fails
            // with it, and no read of the group is answered without its entries.
            group.ForEach(w => w.Done.TrySetException(exception));
        }
    }

    private sealed class Waiting(IReadOnlyList<AuditEntry> entries)
    {
        public IReadOnlyList<AuditEntry> Entries { get; } = entries;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
