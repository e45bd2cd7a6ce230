using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;

namespace CaseManager.Application.Common.Security;

/// <summary>Who is acting: a signed-in user of one agency, the system (background jobs), or nobody.</summary>
public sealed record Actor(Guid? UserId, string Email, string DisplayName, AgencyCode? Agency, IReadOnlySet<Role> Roles, bool IsSystem)
{
    public static readonly Actor Anonymous = new(null, "anonymous", "Anonymous", null, new HashSet<Role>(), false);

    /// <summary>The partnership itself, for background jobs. It holds no role and so reads no case data.</summary>
    public static readonly Actor System = new(null, "system", "CaseManager", null, new HashSet<Role>(), true);

    public bool IsAuthenticated => UserId is not null || IsSystem;

    public bool IsInRole(Role role) => Roles.Contains(role);

    /// <summary>The signed-in user's agency; throws when there is none (the system actor or an anonymous caller).</summary>
    public AgencyCode RequireAgency() =>
        Agency ?? throw new ForbiddenAccessException("This action needs a user who belongs to an agency.");

    public Guid RequireUserId() =>
        UserId ?? throw new ForbiddenAccessException("This action needs a signed-in user.");

    public static Actor ForUser(Guid userId, string email, string displayName, AgencyCode agency, IEnumerable<Role> roles) =>
        new(userId, email, displayName, agency, roles.ToHashSet(), false);
}
