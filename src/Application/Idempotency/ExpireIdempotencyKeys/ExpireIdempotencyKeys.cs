using CaseManager.Application.Common.Idempotency;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Idempotency.ExpireIdempotencyKeys;

/// <summary>Housekeeping, run daily: deletes the stored answers of idempotency keys older than 24 hours (docs/adr/0018).</summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record ExpireIdempotencyKeysCommand : ICommand<int>;

public sealed class ExpireIdempotencyKeysHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ExpireIdempotencyKeysCommand, int>
{
    public async ValueTask<int> Handle(ExpireIdempotencyKeysCommand command, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - IdempotentRequest.Lifetime;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
