using System.Security.Claims;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Security;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record SignInAttempt(SignInOutcome Outcome, ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil, Guid? UserId = null);

/// <summary>
/// Checks a password for the sign-in page and the token endpoint alike, so that lockout after repeated
/// failures and the audit of every attempt are the same for both. A disabled or unknown account fails exactly
/// like a wrong password, so that nobody learns which email addresses have accounts.
/// </summary>
/// <remarks>
/// Identity's own <c>CheckPasswordSignInAsync</c> reads the failure count, checks the password and writes the
/// count back through the tracked user, so concurrent guesses lost updates and failed with concurrency conflicts
/// (and their audit entries with them). Here each attempt first claims its place in the count with a
/// compare-and-swap on the user row's concurrency stamp, before the password is checked: every attempt counts,
/// on every node and either database, and once the limit is reached no further guess is even evaluated.
/// </remarks>
public sealed class SignInService(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    IOptions<IdentityOptions> identityOptions,
    CaseDbContext db,
    TimeProvider clock)
{
    public async Task<SignInAttempt> CheckAsync(string email, string password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await userManager.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled)
        {
            await AuditAsync(user, email, AuditOutcome.Refused, user is null ? "Unknown account" : "Account disabled");
            return new SignInAttempt(SignInOutcome.Failed, null, null);
        }

        var claim = await ClaimAttemptAsync(user.Id);
        if (claim.LockedBefore is { } lockedUntil)
        {
            await AuditAsync(user, email, AuditOutcome.Refused, "Account locked");
            return new SignInAttempt(SignInOutcome.LockedOut, null, lockedUntil);
        }

        if (!IsRightPassword(user, password))
        {
            await AuditAsync(user, email, AuditOutcome.Refused, claim.LocksUntil is null ? "Wrong password" : "Wrong password; account locked");
            return claim.LocksUntil is { } until
                ? new SignInAttempt(SignInOutcome.LockedOut, null, until)
                : new SignInAttempt(SignInOutcome.Failed, null, null);
        }

        // The right password clears the count. A disabled account keeps its lockout: it stays refused.
        var now = clock.GetUtcNow();
        var signedIn = await db.Users
            .Where(u => u.Id == user.Id && !u.IsDisabled)
            .ExecuteUpdateAsync(u => u
                .SetProperty(x => x.AccessFailedCount, 0)
                .SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null)
                .SetProperty(x => x.LastSignInAt, now)
                .SetProperty(x => x.ConcurrencyStamp, Guid.NewGuid().ToString()));
        if (signedIn == 0)
        {
            await AuditAsync(user, email, AuditOutcome.Refused, "Account disabled");
            return new SignInAttempt(SignInOutcome.Failed, null, null);
        }

        await AuditAsync(user, email, AuditOutcome.Allowed, null);
        return new SignInAttempt(SignInOutcome.Succeeded, await signInManager.CreateUserPrincipalAsync(user), null, user.Id);
    }

    /// <summary>
    /// Counts this attempt as a failure before the password is checked (the right password clears it again), unless
    /// the account is locked. The row is changed only if nobody changed it since it was read (same concurrency
    /// stamp), else it is read again, so concurrent attempts are counted one after another and none is lost; the
    /// new stamp also makes a concurrent <c>UserManager.UpdateAsync</c> fail rather than overwrite the count.
    /// </summary>
    private async Task<AttemptClaim> ClaimAttemptAsync(Guid userId)
    {
        var lockout = identityOptions.Value.Lockout;
        while (true)
        {
            var now = clock.GetUtcNow();
            var row = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.LockoutEnabled, u.ConcurrencyStamp })
                .SingleAsync();
            if (row.LockoutEnd is { } end && end > now)
            {
                return new AttemptClaim(end, null);
            }

            if (!row.LockoutEnabled)
            {
                return new AttemptClaim(null, null);
            }

            // As Identity does: reaching the limit locks the account and starts the count again.
            var failures = row.AccessFailedCount + 1;
            var locks = failures >= lockout.MaxFailedAccessAttempts;
            DateTimeOffset? lockoutEnd = locks ? now + lockout.DefaultLockoutTimeSpan : row.LockoutEnd;
            var claimed = await db.Users
                .Where(u => u.Id == userId && u.ConcurrencyStamp == row.ConcurrencyStamp)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.AccessFailedCount, locks ? 0 : failures)
                    .SetProperty(x => x.LockoutEnd, lockoutEnd)
                    .SetProperty(x => x.ConcurrencyStamp, Guid.NewGuid().ToString()));
            if (claimed == 1)
            {
                return new AttemptClaim(null, locks ? lockoutEnd : null);
            }
        }
    }

    private bool IsRightPassword(ApplicationUser user, string? password) =>
        user.PasswordHash is { } hash
        && userManager.PasswordHasher.VerifyHashedPassword(user, hash, password ?? string.Empty) != PasswordVerificationResult.Failed;

    /// <summary>LockedBefore: the account was already locked, so the password is not checked. LocksUntil: this attempt reached the limit.</summary>
    private sealed record AttemptClaim(DateTimeOffset? LockedBefore, DateTimeOffset? LocksUntil);

    /// <summary>Audits an account event that happens before anyone is signed in (so outside the mediator pipeline).</summary>
    public async Task AuditAsync(ApplicationUser? user, string email, AuditOutcome outcome, string? detail, string action = "account.sign-in")
    {
        AgencyCode? agency = user is not null && AgencyCode.TryParse(user.AgencyCode, out var code) ? code : null;
        db.AuditEntries.Add(AuditEntry.Record(
            new AuditFacts(user?.Id, user?.Email ?? Truncate(email), agency, action, outcome, AccessRule.None, Detail: detail),
            clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static string Truncate(string? value) => (value ?? string.Empty).Trim() is { Length: > 256 } text ? text[..256] : (value ?? string.Empty).Trim();
}
