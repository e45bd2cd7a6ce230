using System.Reflection;
using CaseManager.Application.Common.Security;

namespace CaseManager.Application.Common.Behaviours;

/// <summary>The authorisation requirement of a message type, read once from its attributes.</summary>
internal static class MessagePolicy<TMessage>
{
    public static readonly string? Policy = typeof(TMessage).GetCustomAttribute<RequiresPolicyAttribute>()?.Policy;

    public static readonly bool AnyAuthenticatedUser = typeof(TMessage).IsDefined(typeof(AnyAuthenticatedUserAttribute), false);

    public static readonly string Name = typeof(TMessage).Name;
}
