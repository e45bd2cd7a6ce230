using System.Collections.Concurrent;
using System.Net;
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
        foreach (var path in new[] { "/api/v1/cases", "/api/v1/people", "/api/v1/reviews" })
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
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
