using System.Security.Claims;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace CaseManager.Web.Security;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record SignInAttempt(SignInOutcome Outcome, ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil);

/// <summary>
/// Checks a password for the sign-in page and the token endpoint alike, so that lockout after repeated
/// failures and the audit of every attempt are the same for both. A disabled or unknown account fails exactly
/// like a wrong password, so that nobody learns which email addresses have accounts.
/// </summary>
public sealed class SignInService(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
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

        var result = await signInManager.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await AuditAsync(user, email, AuditOutcome.Refused, "Account locked");
            return new SignInAttempt(SignInOutcome.LockedOut, null, user.LockoutEnd);
        }

        if (!result.Succeeded)
        {
            await AuditAsync(user, email, AuditOutcome.Refused, "Wrong password");
            return new SignInAttempt(SignInOutcome.Failed, null, null);
        }

        user.LastSignInAt = clock.GetUtcNow();
        await userManager.UpdateAsync(user);
        await AuditAsync(user, email, AuditOutcome.Allowed, null);
        return new SignInAttempt(SignInOutcome.Succeeded, await signInManager.CreateUserPrincipalAsync(user), null);
    }

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
