using CaseManager.Application.Idempotency.ExpireIdempotencyKeys;
using CaseManager.Application.Users.DisableDormantAccounts;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// The daily <c>housekeeping</c> recurring job: disables dormant accounts, then forgets idempotency keys older than
/// 24 hours (docs/adr/0018). Each is its own command, so each is its own transaction and audit entry.
/// </summary>
public sealed class HousekeepingJob(IServiceScopeFactory scopes)
{
    public async Task Run(CancellationToken cancellationToken)
    {
        await scopes.SendAsSystemAsync(new DisableDormantAccountsCommand(), cancellationToken);
        await scopes.SendAsSystemAsync(new ExpireIdempotencyKeysCommand(), cancellationToken);
    }
}
