using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// Rules over the whole served document, so that a new route that lacks something fails here by name. Partner systems
/// generate their clients from /openapi/v1.json (docs/api.md).
/// </summary>
public sealed class OpenApiDocumentTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task EveryOperation_HasAUniqueOperationIdASummaryAndItsProblemResponses()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        var ids = new HashSet<string>();
        var operations = 0;

        foreach (var (name, operation, _) in Operations(document))
        {
            operations++;
            if (!operation.TryGetProperty("operationId", out var id) || id.GetString() is not { Length: > 0 } operationId)
            {
                problems.Add($"{name}: no operationId");
            }
            else if (!ids.Add(operationId))
            {
                problems.Add($"{name}: operationId {operationId} is used twice");
            }

            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                problems.Add($"{name}: no summary (.WithSummary)");
            }

            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            if (!statuses.Any(s => s.StartsWith('2')))
            {
                problems.Add($"{name}: no success response");
            }

            var takesInput = operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _);
            if (takesInput && !statuses.Contains("400"))
            {
                problems.Add($"{name}: no 400 response (.ProducesValidationProblem, or the group's .WithStandardProblems)");
            }

            if (operation.TryGetProperty("requestBody", out _) && !(statuses.Contains("413") && statuses.Contains("415")))
            {
                problems.Add($"{name}: an operation that takes a body must document 413 and 415");
            }

            if (!IsAnonymous(operation) && !(statuses.Contains("401") && statuses.Contains("403")))
            {
                problems.Add($"{name}: an authenticated operation must document 401 and 403 (the group's .WithStandardProblems)");
            }

            if (Regex.IsMatch(name, "{[^}]+}") && !IsAnonymous(operation) && !statuses.Contains("404") && !name.StartsWith("PUT /api/v1/admin/offence-types/", StringComparison.Ordinal))
            {
                problems.Add($"{name}: a route with an id must document 404");
            }
        }

        operations.Should().BeGreaterThan(50);
        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ProblemDetails")]
    [InlineData("HttpValidationProblemDetails")]
    public async Task ProblemSchemas_DescribeCodeAndTraceId(string schema)
    {
        var properties = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties");

        properties.TryGetProperty("code", out _).Should().BeTrue();
        properties.TryGetProperty("traceId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task NoSchema_TypesAnIntegerAsIntegerOrString()
    {
        var json = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        json.Should().NotMatchRegex("\"type\":\\s*\\[\\s*\"(null\"\\s*,\\s*\")?integer\"\\s*,\\s*\"string\"",
            "integers are JSON numbers (NumberHandling.Strict); a generated client would otherwise take strings");
    }

    [Theory]
    [InlineData("POST /api/v1/auth/token")]
    [InlineData("POST /api/v1/auth/refresh")]
    public async Task AnonymousOperations_NeedNoTokenAndDescribeTheirResponse(string name)
    {
        var document = await DocumentAsync();
        var operation = Operations(document).Single(o => o.Name == name).Operation;

        operation.GetProperty("security").GetArrayLength().Should().Be(0, $"{name} is anonymous");
        operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task CreateOperations_DeclareTheIdempotencyKeyHeader()
    {
        var document = await DocumentAsync();
        var creates = Operations(document).Where(o => o.Name.StartsWith("POST ", StringComparison.Ordinal)
            && o.Operation.GetProperty("responses").TryGetProperty("201", out _)).ToList();

        creates.Should().NotBeEmpty();
        foreach (var (name, operation, _) in creates)
        {
            operation.TryGetProperty("parameters", out var parameters).Should().BeTrue($"{name} takes Idempotency-Key");
            parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain("Idempotency-Key", name);
        }
    }

    private static bool IsAnonymous(JsonElement operation) =>
        operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<(string Name, JsonElement Operation, string Path)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value, path.Name);
}
