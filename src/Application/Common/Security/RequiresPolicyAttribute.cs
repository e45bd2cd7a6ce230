namespace CaseManager.Application.Common.Security;

/// <summary>The message may be sent only by an actor that satisfies the named policy (see <see cref="Policies"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>The message may be sent by any signed-in user, whatever their role (for example "who am I").</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AnyAuthenticatedUserAttribute : Attribute;
