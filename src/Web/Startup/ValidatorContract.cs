using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;

namespace CaseManager.Web.OpenApi;

/// <summary>One validator rule component, placed on the property (or query/path parameter) that it checks.</summary>
public sealed record ContractRule(IPropertyValidator Validator, bool Conditional, bool OnItems, Type Message, string Path);

/// <summary>
/// Reads the FluentValidation rules that the server enforces and places them on the types and parameters the served
/// document describes (ADR 0021). Which message a route sends is read from its handler: the body type itself when it
/// is a message, or the messages the handler constructs (found in its IL), so a new route is covered without
/// registration. A request record's properties map onto the message's by name, as do query and path parameters.
/// </summary>
public sealed class ValidatorContract
{
    private readonly Dictionary<Type, Dictionary<string, List<ContractRule>>> _rules = [];
    private readonly Dictionary<MethodInfo, IReadOnlyList<Type>> _messagesByHandler = [];

    public ValidatorContract(IServiceProvider services, EndpointDataSource endpoints)
    {
        using var scope = services.CreateScope();
        var bodies = new Dictionary<Type, HashSet<Type>>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler
                || endpoint is not RouteEndpoint route || route.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var messages = MessagesConstructedBy(handler).ToList();
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            if (body is not null && IsMessage(body))
            {
                messages.Insert(0, body);
            }

            _messagesByHandler[handler] = messages.Distinct().ToList();
            if (body is not null)
            {
                bodies.TryAdd(body, []);
                bodies[body].UnionWith(messages);
            }
        }

        foreach (var message in _messagesByHandler.Values.SelectMany(m => m).Distinct())
        {
            foreach (var validator in Validators(scope.ServiceProvider, message))
            {
                // The rules land on the message and, where a request record carries the same fields, on the record.
                var roots = bodies.Where(b => b.Value.Contains(message)).Select(b => b.Key).Append(message).Distinct().ToList();
                Collect(validator, message, prefix: string.Empty, roots, conditional: false, depth: 0);
            }
        }

        RequestBodyTypes = bodies.Keys.ToHashSet();
        RequestShapes = Closure(RequestBodyTypes);
        BodiesWithoutValidator = bodies.Where(b => !b.Value.Any(_rules.ContainsKey)).Select(b => b.Key).ToHashSet();
    }

    /// <summary>Types sent as a request body.</summary>
    public IReadOnlySet<Type> RequestBodyTypes { get; }

    /// <summary>Request body types and every type reachable from them (nested inputs).</summary>
    public IReadOnlySet<Type> RequestShapes { get; }

    /// <summary>Body types whose route sends no validated message (for the document test to report).</summary>
    public IReadOnlySet<Type> BodiesWithoutValidator { get; }

    public IReadOnlyList<ContractRule> RulesFor(Type owner, string property) =>
        _rules.TryGetValue(owner, out var properties) && properties.TryGetValue(property, out var rules) ? rules : [];

    public IReadOnlyList<Type> MessagesOf(MethodInfo handler) =>
        _messagesByHandler.TryGetValue(handler, out var messages) ? messages : [];

    /// <summary>Every rule found, by the type and property it is placed on.</summary>
    public IEnumerable<(Type Owner, string Property, ContractRule Rule)> AllRules() =>
        from owner in _rules from property in owner.Value from rule in property.Value select (owner.Key, property.Key, rule);

    /// <summary>True when an unconditional rule refuses a missing value (NotNull, NotEmpty).</summary>
    public bool IsRequired(Type owner, string property) => RulesFor(owner, property)
        .Any(r => !r.Conditional && !r.OnItems && r.Validator is INotNullValidator or INotEmptyValidator);

    private void Collect(IValidator validator, Type message, string prefix, IReadOnlyList<Type> roots, bool conditional, int depth)
    {
        if (depth > 4 || validator is not IEnumerable rules)
        {
            return;
        }

        foreach (var rule in rules.OfType<IValidationRule>())
        {
            var ruleConditional = conditional || rule.HasCondition || rule.HasAsyncCondition;
            var path = rule.PropertyName is { Length: > 0 } name ? Join(prefix, name) : prefix;
            var onItems = rule.GetType().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal);
            foreach (var component in rule.Components)
            {
                var componentConditional = ruleConditional || component.HasCondition || component.HasAsyncCondition;
                if (component.Validator is IChildValidatorAdaptor && ChildValidator(component.Validator) is { } child)
                {
                    // Include(...) keeps the path; SetValidator(...) descends into the property's own type.
                    Collect(child, message, rule is IIncludeRule ? prefix : path, roots, componentConditional, depth + 1);
                    continue;
                }

                if (path.Length == 0)
                {
                    continue;
                }

                var placed = new ContractRule(component.Validator, componentConditional, onItems, message, path);
                foreach (var root in roots)
                {
                    if (Resolve(root, path) is { } target)
                    {
                        _rules.TryAdd(target.Owner, new Dictionary<string, List<ContractRule>>(StringComparer.OrdinalIgnoreCase));
                        _rules[target.Owner].TryAdd(target.Property, []);
                        _rules[target.Owner][target.Property].Add(placed);
                    }
                }
            }
        }
    }

    /// <summary>The message's validators; one that cannot be built outside a request is left out rather than failing the document.</summary>
    private static List<IValidator> Validators(IServiceProvider services, Type message)
    {
        try
        {
            return services.GetServices(typeof(IValidator<>).MakeGenericType(message)).OfType<IValidator>().ToList();
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <summary>"identifiers.nhsNumber" on a type → (PersonIdentifierValues, "NhsNumber").</summary>
    private static (Type Owner, string Property)? Resolve(Type root, string path)
    {
        var owner = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = owner.GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            if (i == segments.Length - 1)
            {
                return (owner, property.Name);
            }

            owner = ElementType(property.PropertyType);
        }

        return null;
    }

    private static IValidator? ChildValidator(IPropertyValidator adaptor)
    {
        // ChildValidatorAdaptor keeps a validator given as an instance in a field; one made per value (a provider) is not read.
        for (var type = adaptor.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (typeof(IValidator).IsAssignableFrom(field.FieldType) && field.GetValue(adaptor) is IValidator validator)
                {
                    return validator;
                }
            }
        }

        return null;
    }

    private static Type ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments()[0];
        }

        return type.IsArray ? type.GetElementType()! : type;
    }

    private static HashSet<Type> Closure(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            type = ElementType(type);
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true || !seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                queue.Enqueue(property.PropertyType);
            }
        }

        return seen;
    }

    private static bool IsMessage(Type type) => typeof(IMessage).IsAssignableFrom(type);

    /// <summary>
    /// The messages a handler constructs: the <c>newobj</c> instructions of the handler, of its async state machine,
    /// and of the Web helpers it calls. A byte that only looks like <c>newobj</c> resolves to no message constructor.
    /// </summary>
    private static List<Type> MessagesConstructedBy(MethodInfo handler)
    {
        var found = new List<Type>();
        var visited = new HashSet<MethodBase>();
        Scan(handler, depth: 0);
        return found;

        void Scan(MethodBase method, int depth)
        {
            if (depth > 2 || !visited.Add(method))
            {
                return;
            }

            if (method.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
            {
                Scan(moveNext, depth);
            }

            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                return;
            }

            for (var i = 0; i + 4 < il.Length; i++)
            {
                if (il[i] is not (0x73 or 0x28 or 0x6F))
                {
                    continue;
                }

                var token = BitConverter.ToInt32(il, i + 1);
                if ((token >> 24) is not (0x06 or 0x0A or 0x2B))
                {
                    continue;
                }

                MethodBase? target;
                try
                {
                    target = method.Module.ResolveMethod(token,
                        method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException)
                {
                    continue;
                }

                if (il[i] == 0x73 && target is ConstructorInfo constructor && constructor.DeclaringType is { } type && IsMessage(type))
                {
                    found.Add(type);
                }
                else if (il[i] != 0x73 && target is MethodInfo called && called.DeclaringType?.Assembly == typeof(ValidatorContract).Assembly)
                {
                    Scan(called, depth + 1);
                }
            }
        }
    }
}
