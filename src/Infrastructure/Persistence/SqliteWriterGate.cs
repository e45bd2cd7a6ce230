using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManager.Infrastructure.Persistence;

/// <summary>
/// One writer at a time inside this process, awaited before a SQLite write transaction begins. SQLite allows one
/// writer per file: a second <c>BEGIN IMMEDIATE</c> answers BUSY, and Microsoft.Data.Sqlite then retries with a
/// blocking sleep on a thread-pool thread, so under load an audited read spent most of its time asleep
/// (docs/performance.md, "HTTP throughput"). Waiting here is asynchronous and first come, first served; the
/// transaction itself is unchanged, and SQLite's own locking still orders this process against any other.
/// A writer that waits longer than <see cref="Patience"/> goes on without the gate, to SQLite's own busy handling,
/// as every writer did before: the gate can delay a write, never refuse one.
/// The gate is left when the transaction commits, rolls back or fails, or at the latest when its connection closes
/// (a transaction disposed without either).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process; a SemaphoreSlim whose wait handle is never asked for holds nothing to free.")]
internal sealed class SqliteWriterGate
{
    private static readonly object Held = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, object> _holders = new();
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _connections = new();

    public SqliteWriterGate(TimeSpan patience)
    {
        Patience = patience;
        Transactions = new TransactionEvents(this);
        Connections = new ConnectionEvents(this);
    }

    public TimeSpan Patience { get; }

    /// <summary>The interceptors to add to the context: one for transactions, one for connections.</summary>
    public IInterceptor Transactions { get; }

    public IInterceptor Connections { get; }

    private async ValueTask EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!_holders.TryGetValue(connection, out _) && await _gate.WaitAsync(Patience, cancellationToken))
        {
            _holders.AddOrUpdate(connection, Held);
        }
    }

    private void Enter(DbConnection connection)
    {
        if (!_holders.TryGetValue(connection, out _) && _gate.Wait(Patience))
        {
            _holders.AddOrUpdate(connection, Held);
        }
    }

    private void Began(DbTransaction transaction, DbConnection connection) => _connections.AddOrUpdate(transaction, connection);

    /// <summary>A completed SQLite transaction no longer names its connection, so the one it began on is remembered.</summary>
    private void Ended(DbTransaction transaction)
    {
        if (_connections.TryGetValue(transaction, out var connection))
        {
            _connections.Remove(transaction);
            Leave(connection);
        }
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && _holders.Remove(connection))
        {
            _gate.Release();
        }
    }

    private sealed class TransactionEvents(SqliteWriterGate owner) : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        {
            owner.Enter(connection);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await owner.EnterAsync(connection, cancellationToken);
            return result;
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            owner.Began(result, connection);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            owner.Began(result, connection);
            return ValueTask.FromResult(result);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => owner.Ended(transaction);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionCommitted(transaction, eventData);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => owner.Ended(transaction);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionRolledBack(transaction, eventData);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => owner.Ended(transaction);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionFailed(transaction, eventData);
            return Task.CompletedTask;
        }
    }

    private sealed class ConnectionEvents(SqliteWriterGate owner) : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            owner.Leave(connection);
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            owner.Leave(connection);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            owner.Leave(connection);
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            owner.Leave(connection);
            return ValueTask.FromResult(result);
        }
    }
}
