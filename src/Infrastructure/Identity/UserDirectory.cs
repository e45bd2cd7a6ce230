using CaseManager.Application.Common.Paging;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Identity;

/// <summary>The user accounts, kept by ASP.NET Core Identity in the same database (and transaction) as case data.</summary>
public sealed class UserDirectory(UserManager<ApplicationUser> userManager, CaseDbContext db, TimeProvider clock) : IUserDirectory
{
    public async Task<UserAccount> CreateAsync(NewUserAccount account, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            AgencyCode = account.Agency.Value,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        var created = string.IsNullOrEmpty(account.InitialPassword)
            ? await userManager.CreateAsync(user)
            : await userManager.CreateAsync(user, account.InitialPassword);
        ThrowIfFailed(created);
        ThrowIfFailed(await userManager.AddToRolesAsync(user, account.Roles.Select(r => r.ToString())));
        return ToAccount(user, account.Roles);
    }

    public async Task<UserAccount?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOf([user.Id], cancellationToken);
        return ToAccount(user, roles.GetValueOrDefault(user.Id, []));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var ids = userIds.Distinct().ToList();
        // Only the two columns shown, not the whole account (its hashes and stamps have no business in a list).
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    public async Task<Paged<UserAccount>> ListAsync(UserFilter filter, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (filter.Agency is { } agency)
        {
            users = users.Where(u => u.AgencyCode == agency.Value);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = $"%{filter.Search.Trim().ToUpperInvariant()}%";
#pragma warning disable CA1304, CA1311 // Translated to SQL UPPER(), not run in .NET.
            users = users.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern) || EF.Functions.Like(u.DisplayName.ToUpper(), pattern));
#pragma warning restore CA1304, CA1311
        }

        var page = await users.OrderBy(u => u.AgencyCode).ThenBy(u => u.DisplayName).ToPagedAsync(filter, cancellationToken);
        var roles = await RolesOf(page.Items.Select(u => u.Id).ToList(), cancellationToken);
        return new Paged<UserAccount>(
            page.Items.Select(u => ToAccount(u, roles.GetValueOrDefault(u.Id, []))).ToList(),
            page.Page,
            page.PageSize,
            page.Total);
    }

    public async Task<UserAccount> ChangeAsync(Guid userId, AgencyCode agency, IReadOnlyList<Role> roles, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw new DomainRuleException("user.not-found", "No such user");
        user.AgencyCode = agency.Value;
        ThrowIfFailed(await userManager.UpdateAsync(user));

        var wanted = roles.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var held = await userManager.GetRolesAsync(user);
        var removed = held.Where(r => !wanted.Contains(r)).ToList();
        var added = wanted.Where(r => !held.Contains(r)).ToList();
        if (removed.Count > 0)
        {
            ThrowIfFailed(await userManager.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            ThrowIfFailed(await userManager.AddToRolesAsync(user, added));
        }

        // A new security stamp makes every cookie and bearer token issued under the old agency and roles invalid.
        ThrowIfFailed(await userManager.UpdateSecurityStampAsync(user));
        return ToAccount(user, roles.Distinct().Order().ToList());
    }

    public async Task DisableAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw new DomainRuleException("user.not-found", "No such user");
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        ThrowIfFailed(await userManager.UpdateAsync(user));

        // A new security stamp makes every cookie and bearer token issued before now invalid.
        ThrowIfFailed(await userManager.UpdateSecurityStampAsync(user));
    }

    public async Task<IReadOnlyList<Guid>> FindDormantAsync(DateTimeOffset lastActiveBefore, int max, CancellationToken cancellationToken)
    {
        var dormant = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && (u.LastSignInAt ?? u.CreatedAt) < lastActiveBefore)
            .OrderBy(u => u.LastSignInAt ?? u.CreatedAt)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);

        // Never leave the partnership without an administrator: the most recently active one is kept.
        var administratorRole = Persistence.Configurations.RoleConfiguration.RoleIds[Role.Administrator];
        var activeAdministrators = await db.UserRoles.Where(r => r.RoleId == administratorRole)
            .Join(db.Users.Where(u => !u.IsDisabled), r => r.UserId, u => u.Id, (r, u) => u.Id)
            .ToListAsync(cancellationToken);
        if (activeAdministrators.Count > 0 && activeAdministrators.All(dormant.Contains))
        {
            dormant.Remove(dormant.Last(activeAdministrators.Contains));
        }

        return dormant.Take(max).ToList();
    }

    public async Task<IReadOnlyList<string>> EmailsOfRoleAsync(Role role, CancellationToken cancellationToken)
    {
        var roleId = Persistence.Configurations.RoleConfiguration.RoleIds[role];
        return await db.UserRoles.Where(r => r.RoleId == roleId)
            .Join(db.Users.Where(u => !u.IsDisabled), r => r.UserId, u => u.Id, (r, u) => u.Email!)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ActiveUserIdsAsync(AgencyCode agency, Role role, CancellationToken cancellationToken)
    {
        var roleId = Persistence.Configurations.RoleConfiguration.RoleIds[role];
        return await db.UserRoles.Where(r => r.RoleId == roleId)
            .Join(db.Users.Where(u => !u.IsDisabled && u.AgencyCode == agency.Value), r => r.UserId, u => u.Id, (r, u) => u.Id)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserAccount>> ActiveUsersWithAnyRoleAsync(AgencyCode agency, IReadOnlyCollection<Role> roles, CancellationToken cancellationToken)
    {
        var users = await ActiveWithAnyRole(agency, roles)
            .OrderBy(u => u.DisplayName)
            .ThenBy(u => u.Id)
            .ToListAsync(cancellationToken);
        var held = await RolesOf(users.Select(u => u.Id).ToList(), cancellationToken);
        return users.Select(u => ToAccount(u, held.GetValueOrDefault(u.Id, []))).ToList();
    }

    public async Task<IReadOnlySet<Guid>> ActiveUserIdsWithAnyRoleAsync(AgencyCode agency, IReadOnlyCollection<Role> roles, IReadOnlyCollection<Guid> among, CancellationToken cancellationToken)
    {
        if (among.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = among.Distinct().ToList();
        return await ActiveWithAnyRole(agency, roles).Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToHashSetAsync(cancellationToken);
    }

    public async Task<string> CreatePasswordSetupTokenAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(userId.ToString()) ?? throw new DomainRuleException("user.not-found", "No such user");
        return await userManager.GeneratePasswordResetTokenAsync(user);
    }

    /// <summary>The active (not disabled) users of an agency who hold at least one of the roles, as one query.</summary>
    private IQueryable<ApplicationUser> ActiveWithAnyRole(AgencyCode agency, IReadOnlyCollection<Role> roles)
    {
        var roleIds = roles.Distinct().Select(r => Persistence.Configurations.RoleConfiguration.RoleIds[r]).ToList();
        return db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.AgencyCode == agency.Value
                && db.UserRoles.Any(r => r.UserId == u.Id && roleIds.Contains(r.RoleId)));
    }

    private async Task<Dictionary<Guid, List<Role>>> RolesOf(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where userIds.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return pairs
            .GroupBy(p => p.UserId)
            .ToDictionary(
                g => g.Key,
                g => g.Select(p => Enum.Parse<Role>(p.Name!)).Order().ToList());
    }

    private UserAccount ToAccount(ApplicationUser user, IReadOnlyList<Role> roles) => new(
        user.Id,
        user.Email ?? string.Empty,
        user.DisplayName,
        user.AgencyCode,
        roles,
        user.IsDisabled,
        !user.IsDisabled && user.LockoutEnd is { } end && end > clock.GetUtcNow(),
        user.CreatedAt,
        user.LastSignInAt);

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        // A weak password is bad input (400 on the password field); a taken email breaks a rule (409).
        var passwordErrors = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        if (passwordErrors.Count > 0)
        {
            throw new ValidationException(passwordErrors.Select(e => new ValidationFailure(nameof(NewUserAccount.InitialPassword), e.Description)));
        }

        // The email is also the user name, so Identity reports a taken one twice ("Username ... is already taken.
        // Email ... is already taken."): it is said once, in plain words.
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            throw new DomainRuleException("user.email-taken", "There is already an account with this email address.");
        }

        throw new DomainRuleException("user.invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
