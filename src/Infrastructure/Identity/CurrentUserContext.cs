using System.Security.Claims;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManager.Infrastructure.Identity;

/// <summary>
/// The actor for the current scope: the signed-in user of the HTTP request, or whoever <see cref="RunAs"/> set
/// (the system actor in background jobs, a chosen user in tests).
/// </summary>
public sealed class CurrentUserContext(IHttpContextAccessor httpContextAccessor, IOptions<IdentityOptions> identityOptions) : ICurrentUser
{
    private Actor? _override;
    private Actor? _fromRequest;

    public Actor Actor => _override ?? (_fromRequest ??= FromPrincipal(httpContextAccessor.HttpContext?.User, identityOptions.Value.ClaimsIdentity));

    public void RunAs(Actor actor) => _override = actor;

    public static Actor FromPrincipal(ClaimsPrincipal? principal, ClaimsIdentityOptions claimTypes)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(claimTypes.UserIdClaimType), out var userId)
            || !AgencyCode.TryParse(principal.FindFirstValue(CaseManagerClaims.Agency), out var agency))
        {
            return Actor.Anonymous;
        }

        var roles = principal.FindAll(claimTypes.RoleClaimType)
            .Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>();
        var email = principal.FindFirstValue(claimTypes.UserNameClaimType) ?? string.Empty;
        var displayName = principal.FindFirstValue(CaseManagerClaims.DisplayName) ?? email;
        return Actor.ForUser(userId, email, displayName, agency, roles);
    }
}
