namespace CaseManager.Web.Security;

/// <summary>
/// Security headers on every response: a strict content security policy (no inline script, no framing),
/// no MIME sniffing, no referrer leaking case ids to other sites. The API reference and the Hangfire dashboard
/// ship inline scripts and styles of their own, so their pages get a looser policy.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var isTool = context.Request.Path.StartsWithSegments("/hangfire") || context.Request.Path.StartsWithSegments("/scalar");
        headers.ContentSecurityPolicy = isTool ? ToolPolicy : StrictPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/assets") && !context.Request.Path.StartsWithSegments("/lib"))
        {
            // Case data must not linger in shared or browser caches.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        return next(context);
    }
}
