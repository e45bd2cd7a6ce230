using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json;
using CaseManager.TestSupport;
using CaseManager.Web.OpenApi;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The CSV downloads say so, so that a generated client reads them as text and not as JSON.</summary>
    [Theory]
    [InlineData("GET /api/v1/audit/export")]
    [InlineData("GET /api/v1/reports/partnership/export")]
    [InlineData("GET /api/v1/exports/treatment")]
    [InlineData("GET /api/v1/claims/{id}/export")]
    [InlineData("GET /api/v1/reports/claims/export")]
    [InlineData("GET /api/v1/troubled-families/export")]
    public async Task CsvDownloads_DeclareTextCsv(string name)
    {
        var document = await DocumentAsync();
        var content = Operations(document).Single(o => o.Name == name).Operation.GetProperty("responses").GetProperty("200").GetProperty("content");

        content.EnumerateObject().Select(c => c.Name).Should().Equal(["text/csv"], $"{name} answers CSV and nothing else");
        content.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString().Should().Be("string");
    }

    [Fact]
    public async Task EveryDownload_IsDeclaredWithItsMediaType()
    {
        var document = await DocumentAsync();
        var downloads = Operations(document).Where(o => o.Path.Contains("export", StringComparison.Ordinal) && !o.Path.EndsWith("/subject-access-export", StringComparison.Ordinal)).ToList();

        downloads.Should().HaveCount(6, "the six CSV downloads of the API (the subject access export is JSON)");
        downloads.Where(o => !(o.Operation.GetProperty("responses").GetProperty("200").TryGetProperty("content", out var content) && content.TryGetProperty("text/csv", out _)))
            .Select(o => o.Name).Should().BeEmpty("a download is declared as text/csv");
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

    [Fact]
    public async Task RequestSchemas_RequireOnlyWhatTheServerRefusesToGoWithout()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Required(schemas, "RegisterPersonCommand").Should().BeEquivalentTo("givenName", "familyName", "dateOfBirth");
        Required(schemas, "LogInterventionRequest").Should().BeEquivalentTo("type", "occurredAt");
        schemas.GetProperty("RegisterPersonCommand").GetProperty("properties").GetProperty("dateOfBirth").GetProperty("type").GetString()
            .Should().Be("string", "a required date of birth does not take null");
        schemas.GetProperty("LogInterventionRequest").GetProperty("properties").GetProperty("type").TryGetProperty("$ref", out _)
            .Should().BeTrue("a required enum is the enum itself, not oneOf null");
    }

    [Fact]
    public async Task RequestSchemas_CarryTheValidatorsLimits()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var givenName = Property(schemas, "RegisterPersonCommand", "givenName");
        givenName.GetProperty("maxLength").GetInt32().Should().Be(100);
        givenName.GetProperty("minLength").GetInt32().Should().Be(1);
        var duration = Property(schemas, "LogInterventionRequest", "durationMinutes");
        duration.GetProperty("minimum").GetDecimal().Should().Be(0);
        duration.GetProperty("maximum").GetDecimal().Should().Be(1440);
        var nhs = new Regex(Property(schemas, "PersonIdentifierValues", "nhsNumber").GetProperty("pattern").GetString()!);
        nhs.IsMatch("943 476 5919").Should().BeTrue();
        nhs.IsMatch("9434765919").Should().BeTrue();
        nhs.IsMatch("12345").Should().BeFalse();
        nhs.IsMatch("94347659AB").Should().BeFalse();
        Property(schemas, "PersonDetailsView", "ownerAgency").GetProperty("pattern").GetString().Should().Be("^[A-Z][A-Z0-9-]{1,19}$");
        Property(schemas, "PersonDetailsView", "dataCategory").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Contain(["Identity", "Offending"]);
    }

    [Fact]
    public async Task QueryParameters_CarryLimitsAndEnums()
    {
        var document = await DocumentAsync();
        var people = Parameters(document, "GET /api/v1/people");
        people["page"].GetProperty("minimum").GetDecimal().Should().Be(1);
        people["pageSize"].GetProperty("minimum").GetDecimal().Should().Be(1);
        people["pageSize"].GetProperty("maximum").GetDecimal().Should().Be(200);

        var cases = Parameters(document, "GET /api/v1/cases");
        EnumOf(document, cases["scheme"]).Should().Contain("Iom");
        EnumOf(document, cases["status"]).Should().Contain("Active");
        EnumOf(document, cases["cohort"]).Should().Equal("Fixed", "Flex", "Free");
        EnumOf(document, cases["tier"]).Should().Equal("Red", "Amber", "Green");
        cases["ownerAgency"].GetProperty("pattern").GetString().Should().NotBeNullOrEmpty();
        EnumOf(document, Parameters(document, "GET /api/v1/reviews")["state"]).Should().Equal("Upcoming", "Due", "Overdue");
        var offenceType = Parameters(document, "PUT /api/v1/admin/offence-types/{code}")["code"];
        offenceType.GetProperty("maxLength").GetInt32().Should().Be(40);
        offenceType.GetProperty("pattern").GetString().Should().Be("^[A-Za-z0-9]+$");
    }

    /// <summary>A response's status, type, kind and the like declare their values, so a generated client gets them.</summary>
    [Theory]
    [InlineData("CaseView", "status", "Active")]
    [InlineData("CaseListItem", "status", "ExitNominated")]
    [InlineData("ConsentView", "purpose", "Iom")]
    [InlineData("ConsentView", "status", "Given")]
    [InlineData("ConsentView", "givenBy", "Self")]
    [InlineData("InterventionView", "type", "HomeVisit")]
    [InlineData("InterventionView", "result", "Positive")]
    [InlineData("ExitNominationView", "decision", "Approved")]
    [InlineData("ReviewListItem", "state", "Overdue")]
    [InlineData("TopRecordView", "stage", "Start")]
    [InlineData("AuditEntryView", "rule", "Owner")]
    [InlineData("RecordAccessExplanation", "rule", "OpenCase")]
    [InlineData("TimelineEntry", "scheme", "Iom")]
    [InlineData("TimelineEntry", "kind", "CaseStarted")]
    [InlineData("ClaimView", "kind", "Attachment")]
    public async Task ResponseSchemas_DeclareTheirEnums(string schema, string property, string value)
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Property(schemas, schema, property).GetProperty("enum").EnumerateArray().Where(e => e.ValueKind != JsonValueKind.Null).Select(e => e.GetString())
            .Should().Contain(value);
    }

    [Theory]
    [InlineData("CaseListItem", "flags", "InCustody")]
    [InlineData("CurrentUserProfile", "roles", "Caseworker")]
    public async Task ResponseLists_DeclareTheirItemsEnums(string schema, string property, string value)
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Property(schemas, schema, property).GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Contain(value);
    }

    /// <summary>The small rules the server keeps are in the document too.</summary>
    [Fact]
    public async Task TheDocument_SaysWhatTheServerChecks()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        EnumOf(document, Parameters(document, "GET /api/v1/cases")["order"]).Should().Equal("Asc", "Desc");
        Required(schemas, "CreateSharingAgreementCommand").Should().Contain("consentRequired", "a missing answer is a 400, not 'no consent needed'");
        Required(schemas, "PersonInformedRequest").Should().Contain("informed");
        var agencies = Property(schemas, "CreateSharingAgreementCommand", "agencies");
        agencies.GetProperty("minItems").GetInt32().Should().Be(2);
        agencies.GetProperty("items").GetProperty("pattern").GetString().Should().Be("^[A-Z][A-Z0-9-]{1,19}$");
        var offenceType = Property(schemas, "RecordOffenceRequest", "offenceType");
        offenceType.GetProperty("pattern").GetString().Should().Be("^[A-Za-z0-9]+$");
        offenceType.GetProperty("description").GetString().Should().Contain("GET /api/v1/offence-types");
        Property(schemas, "PersonIdentifierValues", "nhsNumber").GetProperty("description").GetString().Should().Contain("check digit");
        var operations = Operations(document).Select(o => o.Name).ToList();
        operations.Should().Contain(["GET /api/v1/households/{id}/members/{memberId}", "GET /api/v1/reference-figures/{id}"],
            "a new membership's and a new figure's Location is a GET of the record");
    }

    /// <summary>
    /// Every validator rule that JSON Schema can say (length, range, pattern, email, not empty) on a type or parameter
    /// of a route appears in the served document, whoever added the route.
    /// </summary>
    [Fact]
    public async Task EveryValidatorRule_AppearsInTheDocument()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var contract = factory.Services.GetRequiredService<ValidatorContract>();
        var parameters = Operations(document)
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .GroupBy(p => p.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(p => p.GetProperty("schema")).ToList(), StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        var checkedRules = 0;

        foreach (var (owner, property, rule) in contract.AllRules())
        {
            if (Keyword(rule) is not { } keyword)
            {
                continue;
            }

            var name = char.ToLowerInvariant(property[0]) + property[1..];
            var hasSchema = schemas.TryGetProperty(owner.Name, out var schema);
            if (!hasSchema && !parameters.ContainsKey(name))
            {
                // A message that is not itself a body: its fields arrive in a request record (checked there) or as parameters.
                continue;
            }

            checkedRules++;
            List<JsonElement> candidates = hasSchema
                ? schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var p) ? [p] : []
                : parameters[name];
            if (!candidates.Any(c => (rule.OnItems && c.TryGetProperty("items", out var items) ? items : c).TryGetProperty(keyword, out _)))
            {
                missing.Add($"{owner.Name}.{name}: {rule.Validator.Name} ({rule.Message.Name} {rule.Path}) has no {keyword}");
            }
        }

        checkedRules.Should().BeGreaterThan(50);
        missing.Should().BeEmpty();
        // Sign-in is not a mediator command: its endpoint checks the two required fields itself.
        contract.BodiesWithoutValidator.Select(t => t.Name).Except(["TokenRequest", "RefreshRequest"])
            .Should().BeEmpty("every request body is checked by a validator");
    }

    private static string? Keyword(ContractRule rule) => rule.Validator switch
    {
        FluentValidation.Validators.ILengthValidator { Max: > 0 } => "maxLength",
        FluentValidation.Validators.ILengthValidator { Min: > 0 } => "minLength",
        FluentValidation.Validators.IRegularExpressionValidator => "pattern",
        FluentValidation.Validators.IEmailValidator => "format",
        CaseManager.Application.Common.Validation.IMinimumItemsValidator => "minItems",
        FluentValidation.Validators.IInclusiveBetweenValidator { From: int or decimal or long or double } => "minimum",
        FluentValidation.Validators.IComparisonValidator { MemberToCompare: null, ValueToCompare: int or decimal or long or double } c => c.Comparison switch
        {
            FluentValidation.Validators.Comparison.GreaterThanOrEqual => "minimum",
            FluentValidation.Validators.Comparison.GreaterThan => "exclusiveMinimum",
            FluentValidation.Validators.Comparison.LessThanOrEqual => "maximum",
            FluentValidation.Validators.Comparison.LessThan => "exclusiveMaximum",
            _ => null,
        },
        _ => null,
    };

    private static string[] Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];

    private static JsonElement Property(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);

    private static Dictionary<string, JsonElement> Parameters(JsonElement document, string operation) =>
        Operations(document).Single(o => o.Name == operation).Operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

    private static string?[] EnumOf(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        // A nullable parameter's enum also lists null.
        return schema.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind != JsonValueKind.Null).Select(e => e.GetString()).ToArray();
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
