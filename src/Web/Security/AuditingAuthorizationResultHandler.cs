using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CaseManager.Web.Security;

/// <summary>
/// A signed-in user refused at the edge (a route or page their role does not allow) is audited like a refusal
/// in the mediator pipeline, so the information governance lead sees every attempt, not only those that got further.
/// </summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var audit = context.RequestServices.GetRequiredService<IAuditTrail>();
            audit.Record("http.forbidden", AuditOutcome.Refused, AccessRule.NoRule, detail: $"{context.Request.Method} {context.Request.Path}");
            await context.RequestServices.GetRequiredService<IAppDbContext>().SaveChangesAsync(context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
