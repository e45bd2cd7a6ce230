using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Identity;

/// <summary>
/// Creates the first administrator of a new installation (the <c>create-admin</c> command), and the agency they
/// belong to if it does not exist yet. Run by an operator on the server; never reachable over HTTP.
/// </summary>
public sealed class FirstAdministrator(CaseDbContext db, UserManager<ApplicationUser> userManager, TimeProvider clock)
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        var roleId = RoleIds.Administrator;
        return await db.UserRoles.AnyAsync(r => r.RoleId == roleId, cancellationToken);
    }

    public async Task CreateAsync(string email, string displayName, string agencyCode, string agencyName, string password, CancellationToken cancellationToken)
    {
        var code = AgencyCode.Parse(agencyCode);
        if (!await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken))
        {
            db.Agencies.Add(Agency.Register(code, agencyName, [], clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            AgencyCode = code.Value,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, nameof(Role.Administrator));
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        db.AuditEntries.Add(AuditEntry.Record(
            new AuditFacts(null, "system", null, "account.create-admin", AuditOutcome.Allowed, AccessRule.System, "User", user.Id.ToString(),
                Detail: $"First administrator {email} in {code} created from the command line"),
            clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static class RoleIds
    {
        public static readonly Guid Administrator = Persistence.Configurations.RoleConfiguration.RoleIds[Role.Administrator];
    }
}
