using CaseManager.Application.Common.Paging;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;

namespace CaseManager.Application.Users;

/// <summary>
/// The user accounts, kept by the identity store in Infrastructure. Commands change accounts only through
/// this port, inside the command's unit of work.
/// </summary>
public interface IUserDirectory
{
    /// <summary>Creates an account; throws a domain rule exception when the email is taken or the password is weak.</summary>
    Task<UserAccount> CreateAsync(NewUserAccount account, CancellationToken cancellationToken);

    Task<UserAccount?> FindAsync(Guid userId, CancellationToken cancellationToken);

    Task<Paged<UserAccount>> ListAsync(UserFilter filter, CancellationToken cancellationToken);

    /// <summary>Display names of the given users (unknown ids are left out): for "allocated to" and "decided by".</summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the account to the agency and gives it exactly these roles, then changes its security stamp so that every
    /// cookie and token issued before stops working: the user signs in again under the new agency and roles.
    /// </summary>
    Task<UserAccount> ChangeAsync(Guid userId, AgencyCode agency, IReadOnlyList<Role> roles, CancellationToken cancellationToken);

    /// <summary>Disables the account for good: it can no longer sign in and its tokens and cookies stop working.</summary>
    Task DisableAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Active accounts whose last sign-in (or creation, if never signed in) is before the given instant.</summary>
    Task<IReadOnlyList<Guid>> FindDormantAsync(DateTimeOffset lastActiveBefore, int max, CancellationToken cancellationToken);

    /// <summary>Email addresses of the active users who hold a role, across the partnership.</summary>
    Task<IReadOnlyList<string>> EmailsOfRoleAsync(Role role, CancellationToken cancellationToken);

    /// <summary>Ids of the active users of an agency who hold a role (the managers a review escalates to).</summary>
    Task<IReadOnlyList<Guid>> ActiveUserIdsAsync(AgencyCode agency, Role role, CancellationToken cancellationToken);

    /// <summary>
    /// The active (not disabled) users of an agency who hold at least one of the roles, sorted by display name (then
    /// id), with all their roles: the workers a case of that agency can be allocated to.
    /// </summary>
    Task<IReadOnlyList<UserAccount>> ActiveUsersWithAnyRoleAsync(AgencyCode agency, IReadOnlyCollection<Role> roles, CancellationToken cancellationToken);

    /// <summary>
    /// Those of the given users who are active users of the agency holding at least one of the roles, decided in
    /// the query (the same one as <see cref="ActiveUsersWithAnyRoleAsync"/>): which of the workers responsible for an
    /// agency's reviews can still act on them. Disabled, moved and unknown ids are left out.
    /// </summary>
    Task<IReadOnlySet<Guid>> ActiveUserIdsWithAnyRoleAsync(AgencyCode agency, IReadOnlyCollection<Role> roles, IReadOnlyCollection<Guid> among, CancellationToken cancellationToken);

    /// <summary>A one-time token with which the new user sets their own password.</summary>
    Task<string> CreatePasswordSetupTokenAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record NewUserAccount(string Email, string DisplayName, AgencyCode Agency, IReadOnlyList<Role> Roles, string? InitialPassword);

public sealed record UserFilter(string? Search, AgencyCode? Agency, int Page, int PageSize) : IPagedRequest;

public sealed record UserAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string AgencyCode,
    IReadOnlyList<Role> Roles,
    bool IsDisabled,
    bool IsLockedOut,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);
