using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Auditing;
using Mediator;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Users.DisableDormantAccounts;

/// <summary>
/// Housekeeping, run daily by a recurring job: disables accounts nobody has signed in to for the configured
/// number of days, so that a leaver's forgotten account cannot be used. Running it twice disables nothing twice.
/// </summary>
[RequiresPolicy(Policies.SystemJob)]
public sealed record DisableDormantAccountsCommand : ICommand<int>;

public sealed class AccountHousekeepingOptions
{
    public const string Section = "Security";

    /// <summary>Days without a sign-in after which an account is disabled; 0 turns the housekeeping off.</summary>
    public int DormantAccountDays { get; set; } = 90;
}

public sealed class DisableDormantAccountsHandler(
    IUserDirectory users,
    IAuditTrail audit,
    TimeProvider clock,
    IOptions<AccountHousekeepingOptions> options) : ICommandHandler<DisableDormantAccountsCommand, int>
{
    private const int BatchSize = 500;

    public async ValueTask<int> Handle(DisableDormantAccountsCommand command, CancellationToken cancellationToken)
    {
        var days = options.Value.DormantAccountDays;
        if (days <= 0)
        {
            return 0;
        }

        var dormant = await users.FindDormantAsync(clock.GetUtcNow().AddDays(-days), BatchSize, cancellationToken);
        foreach (var userId in dormant)
        {
            await users.DisableAsync(userId, cancellationToken);
            audit.Record("user.disable-dormant", AuditOutcome.Allowed, AccessRule.System, new AuditSubject("User", userId.ToString()),
                $"No sign-in for {days} days");
        }

        return dormant.Count;
    }
}
