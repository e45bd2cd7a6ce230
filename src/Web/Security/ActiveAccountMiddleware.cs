using System.Security.Claims;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Security;

/// <summary>
/// On every authenticated request, checks that the account is still enabled and that its security stamp is the
/// one in the cookie or token. Disabling an account, or changing its password or roles, therefore ends its
/// sessions and tokens at once, not when they expire. An API token of a token family that was ended (a spent
/// refresh token came back, ADR 0017) stops working the same way.
/// </summary>
public sealed class ActiveAccountMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CaseDbContext db, IOptions<IdentityOptions> identityOptions)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var claimTypes = identityOptions.Value.ClaimsIdentity;
            var stamp = user.FindFirstValue(claimTypes.SecurityStampClaimType);
            Guid? family = Guid.TryParse(user.FindFirstValue(CaseManagerClaims.TokenFamily), out var familyId) ? familyId : null;
            var valid = Guid.TryParse(user.FindFirstValue(claimTypes.UserIdClaimType), out var userId)
                && await db.Users.AsNoTracking().AnyAsync(
                    u => u.Id == userId && !u.IsDisabled && u.SecurityStamp == stamp
                        && (family == null || !db.RefreshTokenFamilies.Any(f => f.Id == family && f.EndedAt != null)),
                    context.RequestAborted);
            if (!valid)
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await next(context);
    }
}
