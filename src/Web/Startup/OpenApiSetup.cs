using CaseManager.Web.Endpoints;
using Microsoft.OpenApi;

namespace CaseManager.Web.OpenApi;

public static class OpenApiSetup
{
    /// <summary>The OpenAPI document at /openapi/v1.json, with bearer authentication described.</summary>
    public static IServiceCollection AddCaseManagerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
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
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
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

                return Task.CompletedTask;
            });
        });
}
