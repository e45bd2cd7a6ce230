using CaseManager.Application.Users.GetCurrentUser;
using CaseManager.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using CaseManager.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Auth");

        group.MapPost("/auth/token", IssueToken)
            .AllowAnonymous()
            .WithSummary("Exchange an email and password for a bearer token")
            .WithDescription("Five failed attempts in a row lock the account for the configured time; while locked, even the right password is refused.")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();

        group.MapPost("/auth/refresh", RefreshToken)
            .AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new bearer token and refresh token")
            .WithDescription("A refresh token works once. Sending a spent one again ends its token family: every access and refresh token descended from that sign-in stops working. Also refused once the account is disabled or locked, or its security stamp has changed (password or roles changed).")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();

        group.MapGet("/me", async Task<Ok<CurrentUserProfile>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(), ct)))
            .WithSummary("The signed-in user, their agency and roles")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> IssueToken(TokenRequest request, SignInService signIn, RefreshTokenRotation rotation)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors["email"] = ["Enter your email address"];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = ["Enter your password"];
            }

            return TypedResults.ValidationProblem(errors, title: "The request is not valid");
        }

        var attempt = await signIn.CheckAsync(request.Email, request.Password);
        return attempt.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.SignIn(
                await rotation.StartAsync(attempt.Principal!, attempt.UserId!.Value), authenticationScheme: IdentityConstants.BearerScheme),
            SignInOutcome.LockedOut => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Account locked",
                detail: SignInMessages.LockedOut(attempt.LockedUntil),
                extensions: new Dictionary<string, object?> { ["code"] = "account.locked-out" }),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed",
                detail: SignInMessages.Failed,
                extensions: new Dictionary<string, object?> { ["code"] = "account.invalid-credentials" }),
        };
    }

    private static async Task<IResult> RefreshToken(
        RefreshRequest request,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        SignInManager<ApplicationUser> signInManager,
        SignInService signIn,
        RefreshTokenRotation rotation,
        TimeProvider clock)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken)
            ? null
            : bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var user = ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires
            ? await signInManager.ValidateSecurityStampAsync(ticket.Principal)
            : null;
        if (user is null || user.IsDisabled || await signInManager.UserManager.IsLockedOutAsync(user))
        {
            await signIn.AuditAsync(user, user?.Email ?? "unknown", Domain.Auditing.AuditOutcome.Refused, "Refresh token refused", "account.refresh");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again", detail: "The refresh token is not valid any more.");
        }

        var refresh = await rotation.RotateAsync(ticket!.Principal, user, await signInManager.CreateUserPrincipalAsync(user));
        return refresh.Outcome == RefreshOutcome.Rotated
            ? TypedResults.SignIn(refresh.Principal!, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again", detail: "The refresh token is not valid any more.");
    }
}

/// <summary>Both are required (the endpoint checks them itself: sign-in is not a mediator command).</summary>
public sealed record TokenRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public static class SignInMessages
{
    public const string Failed = "The email address or password is not right.";

    public static string LockedOut(DateTimeOffset? until) =>
        until is { } end && end < DateTimeOffset.MaxValue.AddYears(-1)
            ? $"This account is locked after too many failed sign-in attempts. Try again after {end.ToUniversalTime():HH:mm} UTC, or ask your administrator."
            : "This account is locked. Ask your administrator.";
}
