using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// A Development start on a fresh database (migrate, seed, sign in, open a caseload) logs no warning: every warning
/// on a clean start is one a newcomer cannot act on.
/// </summary>
public sealed class CleanStartTests : IDisposable
{
    private readonly RecordingFactory _factory = new();

    [Fact]
    public async Task CleanStart_MigratingSeedingAndOpeningPages_LogsNoWarning()
    {
        var client = await _factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        foreach (var path in new[] { "/api/v1/cases", "/api/v1/people", "/api/v1/reviews", "/api/v1/me/summary", "/api/v1/notifications" })
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        // The reads with most joins: a case with its nominations and custody, a person's timeline, their parts of the page.
        var cases = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        var first = cases.GetProperty("items")[0];
        var caseId = first.GetProperty("id").GetString();
        var personId = first.GetProperty("personId").GetString();
        foreach (var path in new[] { $"/api/v1/cases/{caseId}", $"/api/v1/cases/{caseId}/interventions", $"/api/v1/people/{personId}/timeline", $"/api/v1/people/{personId}/offences", $"/api/v1/people/{personId}/consents" })
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        var browser = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var signInPage = await browser.GetStringAsync("/account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(signInPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        (await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.PoliceCaseworker,
            ["Input.Password"] = _factory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var path in new[] { "/", $"/cases/{caseId}", $"/people/{personId}", $"/people/{personId}?section=cases", $"/people/{personId}?section=consent", $"/people/{personId}/timeline" })
        {
            (await browser.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        _factory.Logged.Should().NotContain(e => e.Level >= LogLevel.Warning);
        _factory.Logged.Should().Contain(e => e.Level == LogLevel.Information && e.Message.Contains(_factory.DemoPassword),
            "the demo password is told at Information, as a sign-in hint");
    }

    public void Dispose() => _factory.Dispose();

    private sealed class RecordingFactory : CaseManagerFactory
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logged { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(l => l.AddProvider(new RecordingProvider(Logged))));
        }
    }

    private sealed class RecordingProvider(ConcurrentQueue<(LogLevel, string, string)> logged) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, logged);

        public void Dispose()
        {
        }
    }

    private sealed class Recorder(string category, ConcurrentQueue<(LogLevel, string, string)> logged) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logged.Enqueue((logLevel, category, $"{category}: {formatter(state, exception)}"));
    }
}
