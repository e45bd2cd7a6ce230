using CaseManager.Web.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManager.Web.OpenApi;

public static class OpenApiSetup
{
    /// <summary>The OpenAPI document at /openapi/v1.json, with bearer authentication described.</summary>
    public static IServiceCollection AddCaseManagerOpenApi(this IServiceCollection services) => services
        .AddSingleton<ValidatorContract>()
        .AddSingleton<ReferenceData>()
        .AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CaseManager API",
                    Version = "v1",
                    Description = "Multi-agency case management for community safety partnerships. " +
                        "Get a token from POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'. " +
                        "Every record carries ownerAgency and dataCategory; a record you may not see answers 404.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A token from POST /api/v1/auth/token.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
                RequiredWithoutNull.Apply(document, context.ApplicationServices);
                return Task.CompletedTask;
            });
            // Every problem the server writes carries traceId (AddProblemDetails) and, for a broken rule, a stable code.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type) && context.JsonPropertyInfo is null)
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A stable code for the rule the request broke (DOMAIN.md), e.g. case.already-open." };
                    schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." };
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer<ContractSchemaTransformer>();
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                ContractParameters.Apply(operation, context);
                var description = context.Description;
                // Every operation gets a stable id that generated clients name their methods by (GetCasesByIdInterventions...),
                // unless the route names itself with WithName.
                operation.OperationId ??= OperationId(description.HttpMethod, description.RelativePath);

                // Anonymous routes (sign in, refresh) say so: no bearer token is needed.
                if (description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                }
                else
                {
                    await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized, "No valid bearer token", ct);
                    await AddProblemAsync(operation, context, StatusCodes.Status403Forbidden, "The caller's role or agency may not do this", ct);
                }

                // Every route that takes input can refuse it; every route with a body can refuse its size and type.
                if (description.ParameterDescriptions.Count > 0)
                {
                    await AddProblemAsync(operation, context, StatusCodes.Status400BadRequest, "The request is not valid (errors names each field or parameter)", ct, typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails));
                }

                if (operation.RequestBody is not null)
                {
                    await AddProblemAsync(operation, context, StatusCodes.Status413PayloadTooLarge, "The request body is too large", ct);
                    await AddProblemAsync(operation, context, StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON", ct);
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreateMetadata>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotentCreates.Header,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Optional, 1-100 printable ASCII characters. A retry with the same key and request within 24 hours " +
                            "gets the first answer (status, Location, body); the same key with another request is 409 idempotency.key-reused.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 },
                    });
                }

            });
        });

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, CancellationToken ct, Type? type = null)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(type ?? typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, ct);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }

    /// <summary>"GET api/v1/cases/{id}/interventions/{interventionId}" → "GetCasesByIdInterventionsByInterventionId".</summary>
    public static string OperationId(string? method, string? relativePath)
    {
        var name = new System.Text.StringBuilder(Pascal((method ?? "GET").ToLowerInvariant()));
        var segments = (relativePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(s => s is "api" or "v1");
        foreach (var segment in segments)
        {
            if (segment.StartsWith('{'))
            {
                name.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':')[0]));
            }
            else
            {
                foreach (var word in segment.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    name.Append(Pascal(word));
                }
            }
        }

        return name.ToString();
    }

    private static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
