using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed class AuthApiTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Token_WithRightPassword_ReturnsBearerToken()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.PoliceCaseworker, password = factory.DemoPassword });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tokenType").GetString().Should().Be("Bearer");
        body.GetProperty("accessToken").GetString().Should().NotBeNullOrEmpty();
        body.GetProperty("expiresIn").GetInt64().Should().BePositive();
    }

    [Fact]
    public async Task Me_WithToken_ReturnsUserAgencyAndRoles()
    {
        var client = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("email").GetString().Should().Be(DemoUsers.PoliceCaseworker);
        me.GetProperty("agency").GetProperty("code").GetString().Should().Be("POLICE");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("Caseworker");
    }

    [Fact]
    public async Task Me_WithoutToken_Returns401ProblemDetails()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Me_WithForgedToken_Returns401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-real-token");

        var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_WithWrongPasswordOrUnknownEmail_GivesTheSameRefusal()
    {
        var client = factory.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.DaatWorker, password = "not the password" });
        var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@nowhere.demo", password = "not the password" });

        wrongPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var first = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var second = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("detail").GetString().Should().Be(second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_AfterFiveFailures_IsRefusedEvenWithRightPassword()
    {
        var client = factory.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.ProbationCaseworker, password = $"wrong {attempt}" });
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.ProbationCaseworker, password = factory.DemoPassword });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Account locked");
        problem.GetProperty("detail").GetString().Should().Contain("locked");
        problem.GetProperty("code").GetString().Should().Be("account.locked-out");
    }

    [Fact]
    public async Task Token_AfterFiftyConcurrentWrongGuesses_RefusesTheRightPasswordAndAuditsEveryGuess()
    {
        var client = factory.CreateClient();

        var guesses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.PoliceManager, password = $"wrong guess {i}" })));
        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.PoliceManager, password = factory.DemoPassword });

        guesses.Select(g => g.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("account.locked-out");
        var refusals = await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "account.sign-in" && a.ActorEmail == DemoUsers.PoliceManager && a.Outcome == AuditOutcome.Refused));
        refusals.Should().Be(51);
        var evaluated = await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "account.sign-in" && a.ActorEmail == DemoUsers.PoliceManager && a.Detail!.StartsWith("Wrong password")));
        evaluated.Should().Be(5, "once five guesses have failed, no further guess is checked");
    }

    [Fact]
    public async Task Refresh_EachTimeWithTheNewToken_KeepsWorking()
    {
        var client = factory.CreateClient();
        var first = await TokensAsync(client, DemoUsers.FitManager);

        var second = await RefreshAsync(client, first.Refresh);
        var third = await RefreshAsync(client, second.GetProperty("refreshToken").GetString()!);
        var me = await MeAsync(third.GetProperty("accessToken").GetString()!);

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        third.GetProperty("refreshToken").GetString().Should().NotBe(second.GetProperty("refreshToken").GetString());
    }

    [Fact]
    public async Task Refresh_WithASpentToken_IsRefusedAndEndsTheWholeFamily()
    {
        var client = factory.CreateClient();
        var stolen = await TokensAsync(client, DemoUsers.PoliceCaseworker);
        var rotated = await RefreshAsync(client, stolen.Refresh);
        var before = await factory.AuditCountAsync("account.refresh");

        var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = stolen.Refresh });
        var replayAgain = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = stolen.Refresh });
        var rotatedRefresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated.GetProperty("refreshToken").GetString() });
        var rotatedAccess = await MeAsync(rotated.GetProperty("accessToken").GetString()!);
        var otherSignIn = await MeAsync((await TokensAsync(client, DemoUsers.PoliceCaseworker)).Access);

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        replayAgain.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        rotatedRefresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the token issued by the rotation belongs to the ended family");
        rotatedAccess.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        otherSignIn.StatusCode.Should().Be(HttpStatusCode.OK, "a new sign-in starts a new family");
        (await factory.AuditCountAsync("account.refresh")).Should().Be(before + 3);
        var theft = await factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == "account.refresh" && a.ActorEmail == DemoUsers.PoliceCaseworker && a.Outcome == AuditOutcome.Refused && a.Detail!.StartsWith("Spent refresh token")));
        theft.Should().Be(1);
    }

    [Fact]
    public async Task Refresh_SameTokenConcurrently_NeverGivesTwoWorkingTokens()
    {
        var client = factory.CreateClient();
        var tokens = await TokensAsync(client, DemoUsers.FitKeyworker);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Refresh })));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().BeLessThanOrEqualTo(1);
        foreach (var winner in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            var next = await winner.Content.ReadFromJsonAsync<JsonElement>();
            var again = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = next.GetProperty("refreshToken").GetString() });
            again.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Token_WithEmptyBody_Returns400WithErrors()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "", password = "" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
        problem.GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();
    }

    [Fact]
    public async Task SignInAttempts_AreAudited()
    {
        var client = factory.CreateClient();
        var before = await factory.AuditCountAsync("account.sign-in");

        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.FitKeyworker, password = "wrong password here" });
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.FitKeyworker, password = factory.DemoPassword });

        (await factory.AuditCountAsync("account.sign-in")).Should().Be(before + 2);
    }

    private static async Task<(string Access, string Refresh)> TokensAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = CaseManager.Infrastructure.Seeding.DemoOptions.DefaultPassword });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private static async Task<JsonElement> RefreshAsync(HttpClient client, string refreshToken)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> MeAsync(string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return await client.GetAsync("/api/v1/me");
    }
}
