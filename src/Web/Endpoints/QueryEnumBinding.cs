using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace CaseManager.Web.Endpoints;

/// <summary>
/// Enum values in an API query string bind whatever their case (<c>?scheme=iom</c>), as JSON bodies do (API.md): the
/// minimal API binds enums with a case-sensitive parse, so each value is rewritten to the member's own spelling
/// before binding. Applies to every API route's enum parameters, found from the handler's signature.
/// </summary>
public sealed class QueryEnumBinding(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<MethodInfo, Dictionary<string, Type>> EnumParameters = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue
            && context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            var enums = EnumParameters.GetOrAdd(handler, Find);
            if (enums.Count > 0)
            {
                Rewrite(context.Request, enums);
            }
        }

        return next(context);
    }

    private static Dictionary<string, Type> Find(MethodInfo handler) => handler.GetParameters()
        .Where(p => p.Name is not null && p.GetCustomAttribute<FromBodyAttribute>() is null)
        .Select(p => (p.Name!, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
        .Where(p => p.Type.IsEnum)
        .ToDictionary(p => p.Item1, p => p.Type, StringComparer.OrdinalIgnoreCase);

    private static void Rewrite(HttpRequest request, Dictionary<string, Type> enums)
    {
        var changed = false;
        var query = new List<KeyValuePair<string, StringValues>>();
        foreach (var (key, values) in request.Query)
        {
            if (enums.TryGetValue(key, out var type))
            {
                var canonical = values.Select(v => Canonical(type, v)).ToArray();
                changed |= !canonical.SequenceEqual(values.ToArray());
                query.Add(new(key, canonical));
            }
            else
            {
                query.Add(new(key, values));
            }
        }

        if (changed)
        {
            var builder = new QueryBuilder();
            foreach (var (key, values) in query)
            {
                foreach (var value in values)
                {
                    builder.Add(key, value ?? string.Empty);
                }
            }

            request.QueryString = builder.ToQueryString();
        }
    }

    /// <summary>The member's own name for a name in any case; anything else as sent (its parse fails with a 400).</summary>
    private static string? Canonical(Type type, string? value) =>
        value is not null && Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? name
            : value;
}
