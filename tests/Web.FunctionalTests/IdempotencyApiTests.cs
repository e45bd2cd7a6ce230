using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Idempotency.ExpireIdempotencyKeys;
using CaseManager.TestSupport;
using CaseManager.Web.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Idempotency-Key on create routes (docs/adr/0017): a retried create answers as the first one did and writes once.</summary>
public sealed class IdempotencyApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static HttpRequestMessage Register(string familyName, string? key, string givenName = "Retry")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people")
        {
            Content = JsonContent.Create(new { givenName, familyName, dateOfBirth = "1990-05-06" }),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotentCreates.Header, key);
        }

        return request;
    }

    private Task<int> PeopleCalledAsync(string familyName) => factory.QueryDbAsync(db => db.People.CountAsync(p => p.FamilyName == familyName));

    [Fact]
    public async Task RegisterPerson_RetriedWithTheSameKey_ReturnsTheFirstAnswerAndWritesOnce()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Register("Retried", key));
        var retry = await client.SendAsync(Register("Retried", key));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()
            .Should().Be((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await PeopleCalledAsync("Retried")).Should().Be(1);
    }

    [Fact]
    public async Task RegisterPerson_WithoutKey_CreatesEachTime()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        (await client.SendAsync(Register("Keyless", null))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.SendAsync(Register("Keyless", null))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await PeopleCalledAsync("Keyless")).Should().Be(2);
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Returns409KeyReusedAndWritesNothing()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var key = Guid.NewGuid().ToString();
        await client.SendAsync(Register("FirstBody", key));

        var reused = await client.SendAsync(Register("OtherBody", key));

        reused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        reused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("idempotency.key-reused");
        (await PeopleCalledAsync("OtherBody")).Should().Be(0);
    }

    [Fact]
    public async Task SameKey_OfAnotherUser_IsTheirOwn()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var manager = await factory.ApiClientForAsync(DemoUsers.PoliceManager);
        var key = Guid.NewGuid().ToString();

        (await police.SendAsync(Register("TwoUsers", key))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await manager.SendAsync(Register("TwoUsers", key))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await PeopleCalledAsync("TwoUsers")).Should().Be(2);
    }

    [Theory]
    [InlineData("caf\u00e9")]
    [InlineData("tab\there")]
    public async Task InvalidKey_Returns400OnTheHeaderAndWritesNothing(string key)
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var family = "BadKey" + key.Length;

        var response = await client.SendAsync(Register(family, key));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _).Should().BeTrue();
        (await PeopleCalledAsync(family)).Should().Be(0);
    }

    [Fact]
    public async Task KeyLongerThan100Characters_Returns400()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var response = await client.SendAsync(Register("LongKey", new string('k', 101)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PeopleCalledAsync("LongKey")).Should().Be(0);
    }

    [Fact]
    public async Task FailedCreate_StoresNoAnswer_SoTheRetryWithTheSameKeyRuns()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var key = Guid.NewGuid().ToString();

        var invalid = await client.SendAsync(Register("Fixed", key, givenName: ""));
        var corrected = await client.SendAsync(Register("Fixed", key));

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        corrected.StatusCode.Should().Be(HttpStatusCode.Created);
        (await factory.QueryDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key))).Should().Be(1);
    }

    [Fact]
    public async Task ConcurrentRequestsWithTheSameKey_WriteOnceAndAllGetTheFirstAnswer()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SendAsync(Register("Raced", key))));

        (await PeopleCalledAsync("Raced")).Should().Be(1);
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        responses.Select(r => r.Headers.Location).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task EveryCreateRoute_TakesAnIdempotencyKey_AndOpenApiDeclaresIt()
    {
        var creates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode is 201 or 202))
            .ToList();
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        creates.Should().HaveCountGreaterThan(8);
        creates.Should().OnlyContain(e => e.Metadata.GetMetadata<IdempotentCreateMetadata>() != null);
        var people = document.GetProperty("paths").GetProperty("/api/v1/people").GetProperty("post").GetProperty("parameters");
        people.EnumerateArray().Should().Contain(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
    }

    [Fact]
    public async Task Housekeeping_ForgetsKeysOlderThan24Hours()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var key = Guid.NewGuid().ToString();
        await client.SendAsync(Register("Expiring", key));
        var kept = await factory.SendAsAsync<int>(Actor.System, new ExpireIdempotencyKeysCommand());

        factory.Clock.Advance(TimeSpan.FromHours(25));
        var expired = await factory.SendAsAsync<int>(Actor.System, new ExpireIdempotencyKeysCommand());

        (await factory.QueryDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key))).Should().Be(0);
        expired.Should().BeGreaterThanOrEqualTo(1);
        kept.Should().Be(0);
    }
}
