using CaseManager.Application.Common.Access;
using CaseManager.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManager.TestSupport;

/// <summary>Runs the sharing-right derivation job at once, in the request, after the change that needs it commits (tests only).</summary>
public sealed class ImmediateSharingRightDerivations(IServiceScopeFactory scopes, ILogger<SharingRightDerivationJob> logger) : ISharingRightDerivations
{
    public Task StartAsync(CancellationToken cancellationToken) => new SharingRightDerivationJob(scopes, logger).Run(cancellationToken);
}
