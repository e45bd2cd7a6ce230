using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseManager.Application.Common.Idempotency;
using CaseManager.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Endpoints;

/// <summary>Marks a create route as taking an optional <c>Idempotency-Key</c> header (OpenAPI declares it).</summary>
public sealed record IdempotentCreateMetadata(int StatusCode);

/// <summary>
/// <c>Idempotency-Key</c> on create routes (docs/adr/0018): a retry with the same key and request gets the first answer
/// (status, Location, body); the same key with another request is 409 <c>idempotency.key-reused</c>. The answer is
/// stored by the unit of work in the create's own transaction.
/// </summary>
public static class IdempotentCreates
{
    public const string Header = "Idempotency-Key";

    public const string ReusedCode = "idempotency.key-reused";

    /// <summary>A create answering 201 with the command's result as body, at <paramref name="location"/>.</summary>
    public static RouteHandlerBuilder WithIdempotency<TResponse>(this RouteHandlerBuilder route, Func<HttpContext, TResponse, string?> location) =>
        route.WithIdempotency(StatusCodes.Status201Created, (http, response) => response is TResponse typed ? location(http, typed) : null, withBody: true);

    /// <summary>A create answering 202 with no body (queued work).</summary>
    public static RouteHandlerBuilder WithIdempotentAccept(this RouteHandlerBuilder route) =>
        route.WithIdempotency(StatusCodes.Status202Accepted, (_, _) => null, withBody: false);

    /// <summary>Queued work answering 202 with the command's result as body (the queued item's id), at <paramref name="location"/>.</summary>
    public static RouteHandlerBuilder WithIdempotentAccept<TResponse>(this RouteHandlerBuilder route, Func<HttpContext, TResponse, string?> location) =>
        route.WithIdempotency(StatusCodes.Status202Accepted, (http, response) => response is TResponse typed ? location(http, typed) : null, withBody: true);

    private static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder route, int statusCode, Func<HttpContext, object?, string?> location, bool withBody) => route
        .WithMetadata(new IdempotentCreateMetadata(statusCode))
        .ProducesProblem(StatusCodes.Status409Conflict)
        .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.Headers.TryGetValue(Header, out var values))
            {
                return await next(context);
            }

            var key = values.Count == 1 ? values[0] : null;
            if (!IdempotentRequest.IsValidKey(key))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [Header] = ["The Idempotency-Key must be 1 to 100 printable ASCII characters, sent once."] },
                    title: "The request is not valid");
            }

            var services = http.RequestServices;
            var userId = services.GetRequiredService<ICurrentUser>().Actor.UserId;
            if (userId is not { } user)
            {
                return await next(context);
            }

            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var hash = RequestHash(http, context.Arguments, json);
            var store = services.GetRequiredService<IdempotencyStore>();
            if (await store.FindAsync(user, key!, http.RequestAborted) is { } stored)
            {
                return Answer(stored, hash);
            }

            services.GetRequiredService<IdempotentRequest>().Begin(user, key!, hash, response => new IdempotentResponse(
                statusCode,
                location(http, response),
                withBody && response is not null ? JsonSerializer.Serialize(response, response.GetType(), json) : null));
            try
            {
                return await next(context);
            }
            catch (DbUpdateException)
            {
                // A concurrent request with the same key committed first (the unique index refused this one's answer,
                // and with it this one's write): answer as it did.
                if (await store.FindAsync(user, key!, CancellationToken.None) is { } winner)
                {
                    return Answer(winner, hash);
                }

                throw;
            }
        });

    private static IResult Answer(IdempotencyRecord stored, string hash) => stored.RequestHash == hash
        ? new StoredAnswer(stored)
        : TypedResults.Problem(
            title: "The idempotency key was used for another request",
            detail: "This Idempotency-Key was already used, in the last 24 hours, for a request with another body or route. Use a new key for a new request.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = ReusedCode });

    /// <summary>The method, path and bound arguments (route values and body, not services): what "the same request" means.</summary>
    private static string RequestHash(HttpContext http, IList<object?> arguments, JsonSerializerOptions json)
    {
        var text = new StringBuilder().Append(http.Request.Method).Append(' ').Append(http.Request.Path.Value).Append('\n');
        foreach (var argument in arguments.Where(a => a is not (ISender or CancellationToken or HttpContext)))
        {
            text.Append(argument is null ? "null" : JsonSerializer.Serialize(argument, argument.GetType(), json)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The first answer, replayed as it was.</summary>
    private sealed class StoredAnswer(IdempotencyRecord stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = stored.StatusCode;
            response.Headers["Idempotent-Replayed"] = "true";
            if (stored.Location is { } location)
            {
                response.Headers.Location = location;
            }

            if (stored.ResponseBody is { } body)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }
}
