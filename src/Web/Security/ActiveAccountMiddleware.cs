using System.Security.Claims;
using CaseManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Security;

/// <summary>
/// On every authenticated request, checks that the account is still enabled and that its security stamp is the
/// one in the cookie or token. Disabling an account, or changing its password or roles, therefore ends its
/// sessions and tokens at once, not when they expire.
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
            var valid = Guid.TryParse(user.FindFirstValue(claimTypes.UserIdClaimType), out var userId)
                && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && !u.IsDisabled && u.SecurityStamp == stamp, context.RequestAborted);
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
