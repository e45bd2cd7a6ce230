using System.Reflection;
using CaseManager.Application;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.People;
using Mediator;

namespace CaseManager.Web.FunctionalTests;

public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Person).Assembly;
    private static readonly Assembly ApplicationLayer = typeof(IApplicationMarker).Assembly;

    [Fact]
    public void Domain_ReferencesOnlyTheBaseLibrary()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().OnlyContain(name => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard");
    }

    [Fact]
    public void Application_DoesNotReferenceInfrastructureOrWeb()
    {
        var references = ApplicationLayer.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().NotContain(["CaseManager.Infrastructure", "CaseManager.Web"]);
        references.Should().NotContain(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Hangfire", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCommandAndQuery_CarriesAnAuthorisationRequirement()
    {
        var messages = ApplicationLayer.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        messages.Should().NotBeEmpty();
        messages.Should().OnlyContain(
            t => t.IsDefined(typeof(RequiresPolicyAttribute), false) || t.IsDefined(typeof(AnyAuthenticatedUserAttribute), false),
            "every message must say who may send it (deny by default)");
    }

    [Fact]
    public void EveryPolicyNamedOnAMessage_IsDefined()
    {
        var policies = ApplicationLayer.GetTypes()
            .Select(t => t.GetCustomAttribute<RequiresPolicyAttribute>()?.Policy)
            .OfType<string>()
            .Distinct();

        policies.Should().OnlyContain(policy => Policies.All.ContainsKey(policy));
    }

    [Fact]
    public void UseCases_LiveInAFolderNamedForThem()
    {
        var misplaced = ApplicationLayer.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .Where(t => !t.Namespace!.EndsWith("." + UseCaseName(t), StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        misplaced.Should().BeEmpty("a command or query lives in Feature/VerbNoun/VerbNoun.cs (STYLE.md section 3)");
    }

    private static string UseCaseName(Type message) =>
        message.Name.EndsWith("Command", StringComparison.Ordinal) ? message.Name[..^"Command".Length]
        : message.Name.EndsWith("Query", StringComparison.Ordinal) ? message.Name[..^"Query".Length]
        : message.Name;
}
