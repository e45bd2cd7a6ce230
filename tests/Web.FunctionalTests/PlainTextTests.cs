using System.Collections;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using CaseManager.Application;
using CaseManager.TestSupport;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Control and invisible formatting characters are refused in every free-text field of every command.</summary>
public sealed class PlainTextTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    /// <summary>Fields deliberately without the rule, with the reason.</summary>
    private static readonly HashSet<string> Exempt =
    [
        "CreateUserCommand.InitialPassword", // a password is hashed, never shown; its rules belong to the identity settings
    ];

    private const string Nul = "a\0b";

    [Fact]
    public void EveryStringOfEveryCommand_RefusesControlCharacters()
    {
        using var scope = factory.Services.CreateScope();
        var commands = typeof(IApplicationMarker).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBaseCommand).IsAssignableFrom(t))
            .ToList();
        var missing = new List<string>();
        var checkedFields = 0;

        foreach (var command in commands)
        {
            var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(command)).Cast<IValidator>().ToList();
            foreach (var slot in StringSlots(command, command.Name))
            {
                if (Exempt.Contains(slot))
                {
                    continue;
                }

                checkedFields++;
                var instance = Build(command, slot, command.Name);
                var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(command), instance)!;
                var refused = validators.SelectMany(v => v.Validate(context).Errors).Any(e => e.ErrorCode == "PlainTextValidator");
                if (!refused)
                {
                    missing.Add(slot);
                }
            }
        }

        checkedFields.Should().BeGreaterThan(40);
        missing.Should().BeEmpty("every identity and free-text field needs .PlainText() or .MultilineText()");
    }

    [Theory]
    [InlineData("Ad\u0000am")]
    [InlineData("Ad\u202Eam")]
    [InlineData("Ad\u2066am")]
    [InlineData("Ad\u200Bam")]
    [InlineData("Ad\u0007am")]
    [InlineData("Ad\nam")]
    public async Task RegisterPerson_WithAControlCharacterInTheName_Returns400OnTheField(string givenName)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName, familyName = "Controlled", dateOfBirth = "1990-01-01" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("givenName", out _).Should().BeTrue();
    }

    [Fact]
    public async Task RegisterPerson_WithNewLinesInTheAddress_IsAccepted()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Multi", familyName = "Line", dateOfBirth = "1990-01-01", address = "1 High Street\r\nDurham\tDH1 1AA" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task RegisterPerson_WithABidiOverrideInTheAddress_Returns400OnTheAddress()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Bidi", familyName = "Address", dateOfBirth = "1990-01-01", address = "1 High\u202E Street" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("address", out _).Should().BeTrue();
    }

    /// <summary>"Command.Field" or "Command.Nested.Field" for every string, string list and string in a nested record.</summary>
    private static IEnumerable<string> StringSlots(Type type, string path)
    {
        foreach (var parameter in Constructor(type).GetParameters())
        {
            var name = $"{path}.{parameter.Name![..1].ToUpperInvariant()}{parameter.Name[1..]}";
            var kind = parameter.ParameterType;
            if (kind == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(kind))
            {
                yield return name;
            }
            else if (IsOurRecord(kind))
            {
                foreach (var nested in StringSlots(kind, name))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>An instance with every string "x" (lists ["x"]), every flag true, and the given slot set to a NUL.</summary>
    private static object Build(Type type, string slot, string path)
    {
        var constructor = Constructor(type);
        var arguments = constructor.GetParameters().Select(parameter =>
        {
            var name = $"{path}.{parameter.Name![..1].ToUpperInvariant()}{parameter.Name[1..]}";
            var kind = parameter.ParameterType;
            var value = name == slot ? Nul : "x";
            if (kind == typeof(string))
            {
                return value;
            }

            if (typeof(IEnumerable<string>).IsAssignableFrom(kind))
            {
                return new[] { value };
            }

            if (IsOurRecord(kind))
            {
                return Build(kind, slot, name);
            }

            if (kind == typeof(bool) || kind == typeof(bool?))
            {
                return true;
            }

            if (kind.IsGenericType && typeof(IEnumerable).IsAssignableFrom(kind))
            {
                return Array.CreateInstance(kind.GetGenericArguments()[0], 0);
            }

            return kind.IsValueType ? Activator.CreateInstance(kind) : null;
        }).ToArray();
        return constructor.Invoke(arguments);
    }

    private static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static bool IsOurRecord(Type type) =>
        type is { IsClass: true } && type.Namespace?.StartsWith("CaseManager.", StringComparison.Ordinal) == true && type.GetConstructors().Length > 0;
}
