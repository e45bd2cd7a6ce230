using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Idempotency;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using Mediator;

namespace CaseManager.Application.Common.Behaviours;

/// <summary>
/// A command is one transaction: its changes and its audit entry are saved together or not at all (ADR 0003).
/// A command that fails is rolled back, and the failure alone is then audited.
/// Queries pass straight through; a query that audits a read saves its own entry.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(
    IAppDbContext db, IAuditTrail audit, ICurrentUser currentUser, AfterCommit afterCommit, IdempotentRequest idempotency, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var action = $"command.{MessagePolicy<TMessage>.Name}";
        var rule = currentUser.Actor.IsSystem ? AccessRule.System : AccessRule.Role;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
            audit.Record(action, AuditOutcome.Allowed, rule);

            // The answer to an Idempotency-Key commits with the write it answers: a crash leaves both or neither (ADR 0018).
            if (idempotency.Complete(response, clock.GetUtcNow()) is { } answer)
            {
                db.IdempotencyRecords.Add(answer);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.DiscardChanges();
            afterCommit.Discard();
            if (exception is NotFoundException { Refusal: { } refusal })
            {
                // The refusal recorded inside the transaction went with the rollback; it is kept, with its person.
                audit.Record(refusal.Action, AuditOutcome.Refused, AccessRule.NoRule, refusal.Subject);
            }

            if (exception is not FluentValidation.ValidationException)
            {
                audit.Record(action, AuditOutcome.Failed, rule, detail: exception.GetType().Name);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            throw;
        }

        await afterCommit.RunAsync(cancellationToken);
        return response;
    }
}
