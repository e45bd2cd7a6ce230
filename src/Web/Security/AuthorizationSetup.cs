using CaseManager.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CaseManager.Web.Security;

/// <summary>
/// Authentication (cookies for pages, bearer tokens for the API) and the edge authorisation policies, which are
/// built from <see cref="Policies"/> so that the edge and the mediator pipeline cannot disagree.
/// </summary>
public static class AuthorizationSetup
{
    public const string PagesOrApiScheme = "CaseManager";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SignInService>();
        services.AddScoped<RefreshTokenRotation>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = PagesOrApiScheme;
                options.DefaultChallengeScheme = PagesOrApiScheme;
            })
            .AddPolicyScheme(PagesOrApiScheme, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "CaseManager.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/account/sign-in";
                options.LogoutPath = "/account/sign-out";
                options.AccessDeniedPath = "/forbidden";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:SessionMinutes", 480));
                options.SlidingExpiration = true;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
                options.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Security:TokenMinutes", 60)));

        services.AddAuthorization(options =>
        {
            // Deny by default: every endpoint and page needs a signed-in user unless it says otherwise.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var (name, definition) in Policies.All)
            {
                options.AddPolicy(name, policy =>
                {
                    policy.RequireAuthenticatedUser();
                    if (definition.Roles.Count == 0)
                    {
                        policy.RequireAssertion(_ => false);
                    }
                    else
                    {
                        policy.RequireRole(definition.Roles.Select(r => r.ToString()));
                    }
                });
            }
        });
        return services;
    }
}
