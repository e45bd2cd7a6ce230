using System.Net;
using System.Text.Json;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

public sealed class PlatformTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Health_LiveAndReady_Answer200WithoutSignIn()
    {
        var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryApiRoute()
    {
        var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(verb => $"{verb.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                $"{method} {string.Join('/', e.RoutePattern.RawText!.TrimEnd('/').Split('/').Select(s => s.Contains(':', StringComparison.Ordinal) ? s[..s.IndexOf(':', StringComparison.Ordinal)] + "}" : s))}"))
            .ToList();

        routes.Should().NotBeEmpty();
        documented.Should().Contain(routes);
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ApiReference_IsServedInDevelopment()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/scalar/v1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/account/sign-in");

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404ProblemDetails()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.GetAsync("/api/v1/nothing-here");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
