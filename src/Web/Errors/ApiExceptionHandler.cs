using CaseManager.Application.Common;
using CaseManager.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.Errors;

/// <summary>
/// Maps exceptions from the API to RFC 9457 problem details (docs/adr/0004). Bad input is never a 500; a 500
/// carries only a trace id, in every environment. Page requests are left to the page filter and the error pages.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original path.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (originalPath is null || !originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(ValidationErrors.ToApiErrors(validation))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid",
            },
            // A field of the wrong type or an unknown enum value (an unknown intervention type, say) names the field.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 2 } path } } => new ValidationProblemDetails(
                new Dictionary<string, string[]>
                {
                    [ToFieldName(path)] = ["The value is not allowed here: check its type, and for a list of choices use one of the documented values."],
                })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid",
            },
            // A query or header value that does not parse (an enum, number, date, guid or bool) names the parameter.
            BadHttpRequestException bind when BindFailure().Match(bind.Message) is { Success: true } match => new ValidationProblemDetails(
                new Dictionary<string, string[]>
                {
                    [match.Groups["name"].Value] = [$"The value is not valid for {match.Groups["name"].Value}: check its type, and for a list of choices use one of the documented values."],
                })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid",
            },
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large",
                    StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON",
                    _ => "The request could not be read",
                },
                Detail = "Check that the body is well-formed JSON with the documented fields and value types.",
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = notFound.Message },
            CaseManager.Domain.Cases.FourEyesException fourEyes => WithCode(
                new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = fourEyes.Message }, "case.four-eyes"),
            ForbiddenAccessException { Code: { } code } forbidden => WithCode(
                new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = forbidden.Message }, code),
            ForbiddenAccessException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = forbidden.Message },
            DomainRuleException rule => WithCode(
                new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The request breaks a rule", Detail = rule.Message }, rule.Code),
            CaseManager.Application.Common.Persistence.DuplicateKeyException => WithCode(
                new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Someone else saved the same thing at the same moment",
                    Detail = "Reload and check whether what you asked for is already there.",
                },
                CaseManager.Application.Common.Persistence.DuplicateKeyException.Code),
            DbUpdateConcurrencyException => WithCode(
                new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Someone else changed this record",
                    Detail = "Reload the record and make your change again.",
                },
                "concurrency.conflict"),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(exception, httpContext.TraceIdentifier);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>"$.custody.inCustody" → "custody.inCustody"; "$.substances[1]" → "substances".</summary>
    private static string ToFieldName(string jsonPath)
    {
        var field = jsonPath.TrimStart('$', '.');
        var index = field.IndexOf('[', StringComparison.Ordinal);
        return index > 0 ? field[..index] : field;
    }

    /// <summary>The minimal API's message for a parameter that did not parse: Failed to bind parameter "int? page" from "abc".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for request {TraceId}")]
    private partial void LogUnhandled(Exception exception, string traceId);
}
