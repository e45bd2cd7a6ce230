using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManager.Infrastructure.Identity;

/// <summary>Adds the user's agency and display name to the principal, for cookies and bearer tokens alike.</summary>
public sealed class CaseManagerClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CaseManagerClaims.Agency, user.AgencyCode));
        identity.AddClaim(new Claim(CaseManagerClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
