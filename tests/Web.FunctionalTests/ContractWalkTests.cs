using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseManager.TestSupport;
using Json.Schema;
using Xunit.Abstractions;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// Walks every operation of the served document, as every role and anonymously, with inputs generated from the
/// document (valid: required fields, enums, limits, ids of real demo records; invalid: wrong types, out of range,
/// over-long, missing required, unknown enum values) and fails on any 5xx, any status the operation does not
/// document, and any body that does not validate against the declared schema (docs/api.md). All failures are listed
/// at once with operation, role, input and status.
/// </summary>
public sealed class ContractWalkTests(CaseManagerFactory factory, ITestOutputHelper output) : IClassFixture<CaseManagerFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly Uri ContractUri = new("https://casemanager.test/openapi/v1.json");

    private static readonly (string Role, string? Email)[] Roles =
    [
        ("Caseworker", DemoUsers.PoliceCaseworker),
        ("Manager", DemoUsers.PoliceManager),
        ("ClaimsOfficer", DemoUsers.ClaimsOfficer),
        ("InformationGovernance", DemoUsers.InformationGovernance),
        ("Administrator", DemoUsers.Administrator),
        ("anonymous", null),
    ];

    [Fact]
    public async Task EveryOperation_AnswersAsDocumented_ForEveryRole_WithValidAndInvalidInputs()
    {
        var started = DateTime.UtcNow;
        var walk = await Walk.StartAsync(factory);
        walk.Refuses("GET /api/v1/people/{id}", "200", """{"id": 5, "givenName": "A"}""").Should().BeTrue("the walk's schema check must refuse a body that breaks the schema");
        walk.Refuses("GET /api/v1/people", "200", """{"items": [{"id": "x"}], "page": 1, "pageSize": 1, "total": 1, "totalPages": 1}""").Should().BeTrue();
        foreach (var operation in walk.Operations.OrderBy(o => o.Order))
        {
            await walk.PrepareAsync(operation);
            foreach (var (role, client) in walk.Clients)
            {
                foreach (var input in walk.Inputs(operation))
                {
                    await walk.SendAsync(operation, role, client, input);
                }
            }
        }

        output.WriteLine($"{walk.Sent} requests, {walk.Validated} bodies validated, in {(DateTime.UtcNow - started).TotalSeconds:0} s; statuses: " +
            string.Join(", ", walk.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        foreach (var (operation, statuses) in walk.ByOperation.Where(o => !o.Value.Any(s => s.StartsWith('2'))))
        {
            output.WriteLine($"never succeeded: {operation} ({string.Join(", ", statuses)})");
        }

        foreach (var line in walk.Failures)
        {
            output.WriteLine(line);
        }

        walk.Sent.Should().BeGreaterThan(1000);
        walk.Validated.Should().BeGreaterThan(500);
        walk.Statuses.Keys.Should().Contain(["200", "201", "400", "401", "403", "404"], "the walk reaches success and each refusal");
        walk.Failures.Should().BeEmpty(
            $"every answer must be documented ({walk.Sent} requests over {walk.Operations.Count} operations in {(DateTime.UtcNow - started).TotalSeconds:0} s):{Environment.NewLine}" +
            string.Join(Environment.NewLine, walk.Failures.Take(150)));
    }

    private sealed record Operation(string Method, string Path, JsonElement Definition)
    {
        public string Name => $"{Method.ToUpperInvariant()} {Path}";

        // Reads first (they gather the ids the rest use), then changes, and disabling accounts last.
        public int Order => Method == "get" ? 0 : Path.EndsWith("/disable", StringComparison.Ordinal) ? 2 : 1;
    }

    private sealed record Input(string Label, string PathAndQuery, string? Body);

    private sealed class Walk
    {
        private readonly JsonElement _document;
        private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
        private readonly Dictionary<string, JsonSchema> _schemas = [];
        private readonly Dictionary<string, List<string>> _harvest = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<string>> _lists = [];
        private readonly Dictionary<string, string> _paths = [];
        private readonly Random _random = new(20261201);
        private int _schemaCount;

        private Walk(JsonElement document) => _document = document;

        public List<Operation> Operations { get; } = [];

        public List<(string Role, HttpClient Client)> Clients { get; } = [];

        public List<string> Failures { get; } = [];

        public int Sent { get; private set; }

        public int Validated { get; private set; }

        public Dictionary<string, int> Statuses { get; } = [];

        public Dictionary<string, SortedSet<string>> ByOperation { get; } = [];

        public static async Task<Walk> StartAsync(CaseManagerFactory factory)
        {
            var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
            var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            var walk = new Walk(document);
            walk.RegisterComponents();
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
                {
                    walk.Operations.Add(new Operation(method.Name, path.Name, method.Value));
                }
            }

            foreach (var (role, email) in Roles)
            {
                walk.Clients.Add((role, email is null ? anonymous : await factory.ApiClientForAsync(email)));
            }

            // Ids of real records: every list the administrator, caseworker and governance lead can read.
            foreach (var (_, client) in walk.Clients.Where(c => c.Role is "Administrator" or "Caseworker" or "InformationGovernance" or "ClaimsOfficer"))
            {
                foreach (var list in walk.Operations.Where(o => o.Method == "get" && !o.Path.Contains('{')))
                {
                    await walk.HarvestAsync(client, list.Path);
                }
            }

            return walk;
        }

        public IEnumerable<Input> Inputs(Operation operation)
        {
            var parameters = Parameters(operation).ToList();
            var path = _paths[operation.Path];
            var query = parameters.Where(p => p.In == "query").ToList();
            var valid = Query(query.Select(p => (p.Name, Value(p.Schema, p.Name, full: true))));
            var body = RequestSchema(operation);

            if (body is null)
            {
                yield return new Input("valid", path + valid, null);
                yield return new Input("no query", path, null);
            }
            else
            {
                yield return new Input("valid (required fields)", path + valid, Value(body.Value, "body", full: false)?.ToJsonString());
                yield return new Input("valid (every field)", path + valid, Value(body.Value, "body", full: true)?.ToJsonString());
                yield return new Input("missing required fields", path + valid, "{}");
                yield return new Input("not an object", path + valid, "[1]");
                yield return new Input("not JSON", path + valid, "{\"unclosed\": ");
                foreach (var (label, invalid) in InvalidBodies(body.Value))
                {
                    yield return new Input(label, path + valid, invalid.ToJsonString());
                }
            }

            foreach (var parameter in query)
            {
                foreach (var (label, bad) in InvalidValues(parameter.Schema))
                {
                    var others = query.Where(p => p.Name != parameter.Name).Select(p => (p.Name, Value(p.Schema, p.Name, full: true)));
                    yield return new Input($"{parameter.Name} {label}", path + Query(others.Append((parameter.Name, bad))), body is null ? null : Value(body.Value, "body", full: false)?.ToJsonString());
                }
            }

            if (operation.Path.Contains('{'))
            {
                yield return new Input("unknown id", Regex.Replace(operation.Path, "{[^}]+}", m => parameters.First(p => "{" + p.Name + "}" == m.Value).Schema.TryGetProperty("format", out var f) && f.GetString() == "uuid" ? Guid.Empty.ToString() : "ZZUNKNOWN"), body is null ? null : "{}");
            }
        }

        public async Task SendAsync(Operation operation, string role, HttpClient client, Input input)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), input.PathAndQuery);
            if (input.Body is not null)
            {
                request.Content = new StringContent(input.Body, Encoding.UTF8, "application/json");
            }

            Sent++;
            using var response = await client.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = await response.Content.ReadAsStringAsync();
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            if (!ByOperation.TryGetValue(operation.Name, out var seen))
            {
                seen = ByOperation[operation.Name] = [];
            }

            seen.Add(status);
            var where = $"{operation.Name} as {role}, {input.Label}: {input.PathAndQuery} {Shorten(input.Body)} -> {status}";
            if ((int)response.StatusCode >= 500)
            {
                Failures.Add($"{where}: server error {Shorten(text)}");
                return;
            }

            var responses = operation.Definition.GetProperty("responses");
            if (!responses.TryGetProperty(status, out var declared) && !responses.TryGetProperty("default", out declared))
            {
                Failures.Add($"{where}: status not documented (documented: {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))}) {Shorten(text)}");
                return;
            }

            if (text.Length == 0 || response.Content.Headers.ContentType?.MediaType is not { } mediaType)
            {
                return;
            }

            if (!mediaType.Contains("json", StringComparison.Ordinal))
            {
                // A download (text/csv) is declared with its media type, so that a generated client reads it as text.
                if (response.IsSuccessStatusCode && !(declared.TryGetProperty("content", out var declaredContent) && declaredContent.TryGetProperty(mediaType, out _)))
                {
                    Failures.Add($"{where}: {mediaType} body not declared for {status}");
                }

                return;
            }

            if (!declared.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media) || !media.TryGetProperty("schema", out var schema))
            {
                Failures.Add($"{where}: {mediaType} body not declared for {status} {Shorten(text)}");
                return;
            }

            var key = $"{operation.Name} {status} {mediaType}";
            if (!_schemas.TryGetValue(key, out var compiled))
            {
                compiled = _schemas[key] = Compile(schema);
            }

            using var body = JsonDocument.Parse(text);
            Validated++;
            var result = compiled.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .Select(d => $"{d.InstanceLocation} {string.Join("; ", d.Errors!.Values)}").Take(3);
                Failures.Add($"{where}: body does not match its schema: {string.Join(" | ", errors)} {Shorten(text)}");
            }

            if (operation.Method == "get" && role is "Administrator" or "Caseworker")
            {
                Harvest(body.RootElement);
            }
        }

        public bool Refuses(string operation, string status, string body)
        {
            var definition = Operations.Single(o => o.Name == operation).Definition;
            var schema = definition.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema");
            using var json = JsonDocument.Parse(body);
            return !Compile(schema).Evaluate(json.RootElement).IsValid;
        }

        private void RegisterComponents()
        {
            var components = _document.GetProperty("components").GetProperty("schemas").GetRawText();
            var root = $"{{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":{Rewrite(components)}}}";
            JsonSchema.FromText(root, _build, ContractUri);
        }

        private JsonSchema Compile(JsonElement schema) =>
            JsonSchema.FromText(Rewrite(schema.GetRawText()), _build, new Uri($"https://casemanager.test/walk/{++_schemaCount}"));

        private static string Rewrite(string json) => json.Replace("\"#/components/schemas/", $"\"{ContractUri}#/$defs/", StringComparison.Ordinal);

        private async Task HarvestAsync(HttpClient client, string path)
        {
            var response = await client.GetAsync(path + "?pageSize=200");
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Harvest(body.RootElement);
            }
        }

        private void Harvest(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 and < 100 } value)
                        {
                            var values = _harvest.TryGetValue(property.Name, out var list) ? list : _harvest[property.Name] = [];
                            if (values.Count < 20 && !values.Contains(value))
                            {
                                values.Add(value);
                            }
                        }
                        else
                        {
                            Harvest(property.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray().Take(20))
                    {
                        Harvest(item);
                    }

                    break;
            }
        }

        /// <summary>
        /// A path with real ids: for each parameter, the ids listed by the GET one level up (or seen under the
        /// parameter's name), choosing a parent that has children when a further id is needed.
        /// </summary>
        public async Task PrepareAsync(Operation operation)
        {
            if (!_paths.ContainsKey(operation.Path))
            {
                var parameters = Parameters(operation).ToList();
                _paths[operation.Path] = (await ResolveAsync(operation.Path.Split('/'), 0, [], [], parameters)).Path;
            }
        }

        private async Task<(string Path, bool Real)> ResolveAsync(string[] segments, int index, List<string> template, List<string> concrete,
            IReadOnlyList<(string Name, string In, JsonElement Schema)> parameters)
        {
            if (index == segments.Length)
            {
                return (string.Join('/', concrete), true);
            }

            var segment = segments[index];
            if (!segment.StartsWith('{'))
            {
                return await ResolveAsync(segments, index + 1, [.. template, segment], [.. concrete, segment], parameters);
            }

            var name = segment.Trim('{', '}');
            var candidates = await CandidatesAsync(string.Join('/', template), string.Join('/', concrete), name, concrete[^1]);
            var real = candidates.Count > 0;
            if (!real)
            {
                var schema = parameters.FirstOrDefault(p => p.Name == name).Schema;
                candidates = [schema.ValueKind == JsonValueKind.Object && Value(schema, name, full: false) is JsonValue v && v.TryGetValue<string>(out var s) ? s : Guid.Empty.ToString()];
            }

            (string? Path, bool Real) first = default;
            foreach (var candidate in candidates.Take(8))
            {
                var rest = await ResolveAsync(segments, index + 1, [.. template, segment], [.. concrete, Uri.EscapeDataString(candidate)], parameters);
                if (rest.Real)
                {
                    return (rest.Path, real);
                }

                first = first.Path is null ? rest : first;
            }

            return (first.Path ?? string.Join('/', concrete), false);
        }

        private async Task<List<string>> CandidatesAsync(string parentTemplate, string parentPath, string name, string collection)
        {
            var ids = new List<string>();
            if (Operations.Any(o => o.Method == "get" && o.Path == parentTemplate))
            {
                if (!_lists.TryGetValue(parentPath, out var listed))
                {
                    listed = _lists[parentPath] = [];
                    foreach (var (_, client) in Clients.Where(c => c.Role != "anonymous"))
                    {
                        var response = await client.GetAsync(parentPath + "?pageSize=200");
                        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
                        {
                            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                            Harvest(body.RootElement);
                            listed.AddRange(Ids(body.RootElement).Where(i => !listed.Contains(i)));
                            if (listed.Count > 0)
                            {
                                break;
                            }
                        }
                    }
                }

                ids.AddRange(listed);
            }

            var singular = Camel(collection.TrimEnd('s'));
            foreach (var key in new[] { name == "id" ? singular + "Id" : name, singular + "Id" })
            {
                if (_harvest.TryGetValue(key, out var seen))
                {
                    ids.AddRange(seen.Where(i => !ids.Contains(i)));
                }
            }

            return ids;
        }

        private static IEnumerable<string> Ids(JsonElement body)
        {
            var items = body.ValueKind == JsonValueKind.Array ? body : body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var i) ? i : default;
            if (items.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                foreach (var name in new[] { "id", "memberId", "code" })
                {
                    if (item.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        yield return id.GetString()!;
                        break;
                    }
                }
            }
        }

        private static string Camel(string kebab)
        {
            var words = kebab.Split('-');
            return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        }

        private string? Seen(string name) => _harvest.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        private IEnumerable<(string Name, string In, JsonElement Schema)> Parameters(Operation operation) =>
            operation.Definition.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, Resolve(p.GetProperty("schema"))))
                : [];

        private JsonElement? RequestSchema(Operation operation) =>
            operation.Definition.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                ? Resolve(json.GetProperty("schema"))
                : null;

        private JsonElement Resolve(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                return _document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            }

            if (schema.TryGetProperty("oneOf", out var oneOf))
            {
                // oneOf [null, X]: the value is X.
                return Resolve(oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
            }

            return schema;
        }

        private static string Type(JsonElement schema) =>
            !schema.TryGetProperty("type", out var type) ? "" :
            type.ValueKind == JsonValueKind.String ? type.GetString()! :
            type.EnumerateArray().Select(t => t.GetString()!).First(t => t != "null");

        /// <summary>A valid value for a schema: an enum's first value, within the limits, ids of real records by name.</summary>
        private JsonNode? Value(JsonElement schema, string name, bool full, int depth = 0)
        {
            schema = Resolve(schema);
            if (schema.TryGetProperty("enum", out var values))
            {
                return values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => JsonNode.Parse(v.GetRawText())).FirstOrDefault();
            }

            switch (Type(schema))
            {
                case "object" when depth < 4:
                    var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
                    var result = new JsonObject();
                    if (schema.TryGetProperty("properties", out var properties))
                    {
                        foreach (var property in properties.EnumerateObject().Where(p => full || required.Contains(p.Name)))
                        {
                            result[property.Name] = Value(property.Value, property.Name, full, depth + 1);
                        }
                    }

                    return result;
                case "array":
                    return schema.TryGetProperty("items", out var items) ? new JsonArray(Value(items, Singular(name), full, depth + 1)) : new JsonArray();
                case "integer":
                case "number":
                    var minimum = schema.TryGetProperty("minimum", out var min) ? min.GetDecimal() : schema.TryGetProperty("exclusiveMinimum", out var emin) ? emin.GetDecimal() + 1 : 1;
                    var maximum = schema.TryGetProperty("maximum", out var max) ? max.GetDecimal() : decimal.MaxValue;
                    var number = name.Equals("version", StringComparison.OrdinalIgnoreCase) ? 0 : Math.Min(Math.Max(minimum, name.Contains("year", StringComparison.OrdinalIgnoreCase) ? 2024 : Math.Min(10, maximum)), maximum);
                    return Type(schema) == "integer" ? JsonValue.Create((long)number) : JsonValue.Create(number);
                case "boolean":
                    return JsonValue.Create(true);
                case "string":
                    return JsonValue.Create(Text(schema, name));
                default:
                    return null;
            }
        }

        private string Text(JsonElement schema, string name)
        {
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            var pattern = schema.TryGetProperty("pattern", out var p) ? new Regex(p.GetString()!) : null;
            var maxLength = schema.TryGetProperty("maxLength", out var ml) ? ml.GetInt32() : 100;
            switch (format)
            {
                case "uuid":
                    return Seen(name) ?? Seen(name.EndsWith("Id", StringComparison.Ordinal) ? "id" : name) ?? Guid.Empty.ToString();
                case "date":
                    return name.Contains("to", StringComparison.OrdinalIgnoreCase) || name.Contains("end", StringComparison.OrdinalIgnoreCase) ? "2026-11-20" : "2026-11-01";
                case "date-time":
                    return "2026-11-20T10:00:00+00:00";
                case "email":
                    return $"walk{_random.Next(100000)}@police.demo";
            }

            var candidates = (_harvest.TryGetValue(name, out var seen) ? seen : [])
                .Concat(["POLICE", "9434765919", "Burglary", "A", "2026-12", "Note", "text"]);
            if (pattern is not null)
            {
                return candidates.FirstOrDefault(c => pattern.IsMatch(c) && c.Length <= maxLength) ?? "A";
            }

            return (_harvest.TryGetValue(name, out var known) ? known.FirstOrDefault(k => k.Length <= maxLength) : null) ?? "Walk".PadRight(Math.Min(maxLength, Math.Max(4, schema.TryGetProperty("minLength", out var mn) ? mn.GetInt32() : 0)), 'x');
        }

        private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;

        /// <summary>Bodies that break one rule each: wrong type, out of range, over-long, unknown enum value, a required field null.</summary>
        private IEnumerable<(string Label, JsonNode Body)> InvalidBodies(JsonElement schema)
        {
            if (Value(schema, "body", full: true) is not JsonObject valid || !schema.TryGetProperty("properties", out var properties))
            {
                yield break;
            }

            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            foreach (var property in properties.EnumerateObject().Take(12))
            {
                foreach (var (label, bad) in InvalidValues(Resolve(property.Value)).Take(3))
                {
                    var body = valid.DeepClone().AsObject();
                    body[property.Name] = bad;
                    yield return ($"{property.Name} {label}", body);
                }

                if (required.Contains(property.Name))
                {
                    var body = valid.DeepClone().AsObject();
                    body[property.Name] = null;
                    yield return ($"{property.Name} null", body);
                }
            }
        }

        /// <summary>Values that break a schema, as they would appear in a query string or a JSON string.</summary>
        private static IEnumerable<(string Label, JsonNode? Value)> InvalidValues(JsonElement schema)
        {
            var type = Type(schema);
            if (schema.TryGetProperty("enum", out _))
            {
                yield return ("unknown enum value", "NotAValue");
            }

            switch (type)
            {
                case "integer":
                case "number":
                    yield return ("wrong type", "abc");
                    if (schema.TryGetProperty("maximum", out var max))
                    {
                        yield return ("above maximum", JsonValue.Create(max.GetDecimal() + 1));
                    }

                    if (schema.TryGetProperty("minimum", out var min))
                    {
                        yield return ("below minimum", JsonValue.Create(min.GetDecimal() - 1));
                    }

                    yield return ("beyond 32 bits", JsonValue.Create(2147483648L));
                    break;
                case "boolean":
                    yield return ("wrong type", "maybe");
                    break;
                case "string" when schema.TryGetProperty("format", out var format):
                    yield return ("wrong format", format.GetString() == "uuid" ? "not-a-guid" : "31/12/2026");
                    break;
                case "string":
                    if (schema.TryGetProperty("maxLength", out var maxLength))
                    {
                        yield return ("over-long", new string('x', maxLength.GetInt32() + 1));
                    }

                    if (schema.TryGetProperty("pattern", out _))
                    {
                        yield return ("not matching its pattern", "!!");
                    }

                    break;
            }
        }

        private static string Query(IEnumerable<(string Name, JsonNode? Value)> values)
        {
            var parts = values.Where(v => v.Value is not null)
                .Select(v => $"{Uri.EscapeDataString(v.Name)}={Uri.EscapeDataString(v.Value is JsonValue value && value.TryGetValue<string>(out var s) ? s : v.Value!.ToJsonString())}")
                .ToList();
            return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        }

        private static string Shorten(string? text) => text is null ? "" : text.Length > 300 ? text[..300] + "..." : text;
    }
}
