using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using CaseManager.Application.Cases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Agencies;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CaseManager.Web.OpenApi;

/// <summary>
/// Request and response schemas say what the server enforces (ADR 0021): the validators' limits on each property,
/// <c>required</c> only for what a request must carry, declared enums, and reference data (agency codes, IOM cohorts
/// and tiers) as patterns or the configured values.
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is not { Count: > 0 } || context.JsonTypeInfo.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
        {
            return Task.CompletedTask;
        }

        var contract = context.ApplicationServices.GetRequiredService<ValidatorContract>();
        var reference = context.ApplicationServices.GetRequiredService<ReferenceData>();
        var type = context.JsonTypeInfo.Type;
        var isRequest = contract.RequestShapes.Contains(type);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var member = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
            if (propertySchema is OpenApiSchema concrete)
            {
                if ((property.AttributeProvider as MemberInfo)?.GetCustomAttribute<NamesOfAttribute>() is { } names
                    && (concrete.Type?.HasFlag(JsonSchemaType.Array) == true ? concrete.Items : concrete) is OpenApiSchema holder)
                {
                    ReferenceData.Enumerate(holder, names.Names);
                }

                ContractRules.Apply(concrete, contract.RulesFor(type, member));
                reference.Apply(concrete, property.Name, isRequest);
            }

            if (isRequest && (contract.IsRequired(type, member) || property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false }))
            {
                required.Add(property.Name);
                schema.Properties[property.Name] = ContractRules.WithoutNull(propertySchema);
            }
        }

        if (isRequest)
        {
            // Only what the server refuses to go without is required; the rest may be left out (or sent as null).
            schema.Required = required;
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A required enum or object of a request is the schema itself, not <c>oneOf [null, X]</c>: the framework adds that
/// wrapper for nullable properties after the schema transformers ran, so it is taken off over the finished components.
/// </summary>
public static class RequiredWithoutNull
{
    public static void Apply(OpenApiDocument document, IServiceProvider services)
    {
        var requestShapes = services.GetRequiredService<ValidatorContract>().RequestShapes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!requestShapes.Contains(name) || schema is not OpenApiSchema { Properties: { } properties, Required: { } required })
            {
                continue;
            }

            foreach (var property in required.Where(properties.ContainsKey).ToList())
            {
                properties[property] = ContractRules.WithoutNull(properties[property]);
            }
        }
    }
}

/// <summary>Query and path parameters carry the limits of the message property they fill, and the reference data rules.</summary>
public static class ContractParameters
{
    public static void Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (operation.Parameters is not { Count: > 0 } parameters
            || context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return;
        }

        var contract = context.ApplicationServices.GetRequiredService<ValidatorContract>();
        var reference = context.ApplicationServices.GetRequiredService<ReferenceData>();
        var messages = contract.MessagesOf(handler);
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            if (parameter.In is not (ParameterLocation.Query or ParameterLocation.Path) || parameter.Schema is not OpenApiSchema schema || parameter.Name is null)
            {
                continue;
            }

            ContractRules.Apply(schema, messages.SelectMany(m => contract.RulesFor(m, parameter.Name)).ToList());
            reference.Apply(schema, parameter.Name, isRequest: true);
        }
    }
}

public static class ContractRules
{
    /// <summary>Puts each validator's limit on the schema, keeping the strictest when several apply.</summary>
    public static void Apply(OpenApiSchema schema, IReadOnlyList<ContractRule> rules)
    {
        foreach (var rule in rules)
        {
            var target = rule.OnItems ? schema.Items as OpenApiSchema : schema;
            if (target is null)
            {
                continue;
            }

            var isString = target.Type?.HasFlag(JsonSchemaType.String) == true;
            switch (rule.Validator)
            {
                case ILengthValidator length when isString:
                    if (length.Min > 0)
                    {
                        target.MinLength = Math.Max(target.MinLength ?? 0, length.Min);
                    }

                    if (length.Max > 0)
                    {
                        target.MaxLength = Math.Min(target.MaxLength ?? int.MaxValue, length.Max);
                    }

                    break;
                case INotEmptyValidator when isString:
                    target.MinLength = Math.Max(target.MinLength ?? 0, 1);
                    break;
                case INotEmptyValidator when target.Type?.HasFlag(JsonSchemaType.Array) == true:
                    target.MinItems = Math.Max(target.MinItems ?? 0, 1);
                    break;
                case IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                    if (between is IInclusiveBetweenValidator)
                    {
                        target.Minimum = Stricter(target.Minimum, from, higher: true);
                        target.Maximum = Stricter(target.Maximum, to, higher: false);
                    }
                    else
                    {
                        target.ExclusiveMinimum = Stricter(target.ExclusiveMinimum, from, higher: true);
                        target.ExclusiveMaximum = Stricter(target.ExclusiveMaximum, to, higher: false);
                    }

                    break;
                case IComparisonValidator { MemberToCompare: null } comparison when Number(comparison.ValueToCompare) is { } value:
                    switch (comparison.Comparison)
                    {
                        case Comparison.GreaterThanOrEqual:
                            target.Minimum = Stricter(target.Minimum, value, higher: true);
                            break;
                        case Comparison.GreaterThan:
                            target.ExclusiveMinimum = Stricter(target.ExclusiveMinimum, value, higher: true);
                            break;
                        case Comparison.LessThanOrEqual:
                            target.Maximum = Stricter(target.Maximum, value, higher: false);
                            break;
                        case Comparison.LessThan:
                            target.ExclusiveMaximum = Stricter(target.ExclusiveMaximum, value, higher: false);
                            break;
                    }

                    break;
                case IRegularExpressionValidator regex when isString:
                    target.Pattern = regex.Expression;
                    break;
                case IEmailValidator when isString:
                    target.Format ??= "email";
                    break;
                case IMinimumItemsValidator items when target.Type?.HasFlag(JsonSchemaType.Array) == true:
                    target.MinItems = Math.Max(target.MinItems ?? 0, items.Min);
                    break;
            }

            if (rule.Validator is IDescribedValidator described && target.Description?.Contains(described.Description, StringComparison.Ordinal) != true)
            {
                target.Description = string.IsNullOrEmpty(target.Description) ? described.Description : $"{target.Description} {described.Description}";
            }
        }
    }

    /// <summary>A required property does not take null: <c>["null","string"]</c> becomes <c>"string"</c>, <c>oneOf [null, X]</c> becomes X.</summary>
    public static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema concrete)
        {
            if (concrete.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
            {
                concrete.Type = type & ~JsonSchemaType.Null;
            }

            if (concrete.OneOf is { Count: 2 } oneOf && oneOf.Count(s => s is OpenApiSchema { Type: JsonSchemaType.Null }) == 1)
            {
                return oneOf.Single(s => s is not OpenApiSchema { Type: JsonSchemaType.Null });
            }
        }

        return schema;
    }

    private static decimal? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Stricter(string? current, decimal candidate, bool higher)
    {
        if (current is not null && decimal.TryParse(current, NumberStyles.Number, CultureInfo.InvariantCulture, out var existing))
        {
            candidate = higher ? Math.Max(existing, candidate) : Math.Min(existing, candidate);
        }

        return candidate.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Values that are data, not code (ADR 0021): agency codes are rows an administrator adds, so they are declared by
/// their pattern; IOM cohorts and tiers are configuration, so a request declares the configured values (a response
/// may still hold a value configured earlier, so it keeps a plain string). String properties named after a domain
/// enum (scheme, dataCategory, relationship...) hold that enum's names.
/// </summary>
public sealed class ReferenceData(IOptions<IomOptions> iom)
{
    private static readonly HashSet<string> AgencyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "ownerAgency", "agencyCode", "userAgency", "actorAgency", "agency",
    };

    /// <summary>Lists of agency codes: each item is an agency code.</summary>
    private static readonly HashSet<string> AgencyListFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "agencies", "recipientAgencies",
    };

    private static readonly Dictionary<string, Type> DomainEnums = typeof(AgencyCode).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic)
        .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);

    public void Apply(OpenApiSchema schema, string name, bool isRequest)
    {
        if (AgencyListFields.Contains(name) && schema.Items is OpenApiSchema { Type: { } itemType } items && itemType.HasFlag(JsonSchemaType.String))
        {
            items.Pattern ??= AgencyCode.Pattern;
            schema.Description ??= "Agency codes (GET /api/v1/admin/agencies), e.g. POLICE.";
            return;
        }

        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String) || schema.Format is not null || schema.Enum is { Count: > 0 })
        {
            return;
        }

        if (AgencyFields.Contains(name))
        {
            schema.Pattern ??= AgencyCode.Pattern;
            schema.Description ??= "An agency code (GET /api/v1/admin/agencies), e.g. POLICE.";
            return;
        }

        if (string.Equals(name, "offenceType", StringComparison.OrdinalIgnoreCase))
        {
            schema.Description ??= "An offence type code (GET /api/v1/offence-types), e.g. Theft.";
            return;
        }

        var configured = name.ToUpperInvariant() switch
        {
            "COHORT" => iom.Value.CohortList,
            "TIER" => iom.Value.TierList,
            _ => null,
        };
        if (configured is not null)
        {
            if (isRequest)
            {
                Enumerate(schema, configured);
            }

            schema.Description ??= $"One of the configured values (Iom:{Pascal(name)}s): {string.Join(", ", configured)}.";
            return;
        }

        if (type == JsonSchemaType.String && DomainEnums.TryGetValue(name, out var domainEnum))
        {
            Enumerate(schema, Enum.GetNames(domainEnum));
        }
    }

    public static void Enumerate(OpenApiSchema schema, IEnumerable<string> values)
    {
        schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
        {
            // An optional value may be sent as null.
            schema.Enum.Add(null!);
        }
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
