using Hangfire.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MicrosoftLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// Hangfire logs through one process-wide provider (<see cref="LogProvider"/>). Hangfire's own ASP.NET Core wiring
/// points it at the ILoggerFactory of whichever host first resolved its configuration, so a second host in the same
/// process (as in the tests) logged into the first one's disposed factory and failed with ObjectDisposedException.
/// This provider is set once for the process and holds no host: each host registers its logger factory while it
/// runs (<see cref="HangfireLoggingService"/>), entries go to the most recently started host that is still running,
/// and with none running they are dropped.
/// </summary>
public sealed class HangfireLogProvider : ILogProvider
{
    private readonly Lock _sync = new();
    private readonly List<ILoggerFactory> _factories = [];

    private HangfireLogProvider()
    {
    }

    public static HangfireLogProvider Instance { get; } = new();

    public ILog GetLogger(string name) => new RoutedLog(this, name);

    internal void Register(ILoggerFactory factory)
    {
        lock (_sync)
        {
            _factories.Remove(factory);
            _factories.Add(factory);
        }
    }

    internal void Unregister(ILoggerFactory factory)
    {
        lock (_sync)
        {
            _factories.Remove(factory);
        }
    }

    private ILoggerFactory? Current()
    {
        lock (_sync)
        {
            return _factories.Count == 0 ? null : _factories[^1];
        }
    }

    private sealed class RoutedLog(HangfireLogProvider owner, string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (owner.Current() is not { } factory)
            {
                return false;
            }

            var logger = factory.CreateLogger(name);
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MicrosoftLogLevel.Trace,
                HangfireLogLevel.Debug => MicrosoftLogLevel.Debug,
                HangfireLogLevel.Info => MicrosoftLogLevel.Information,
                HangfireLogLevel.Warn => MicrosoftLogLevel.Warning,
                HangfireLogLevel.Error => MicrosoftLogLevel.Error,
                _ => MicrosoftLogLevel.Critical,
            };
            // Hangfire asks whether a level is enabled by passing no message.
            if (!logger.IsEnabled(level) || messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

#pragma warning disable CA1848, CA1873 // Hangfire hands over finished text, not a template; the level was checked above.
            logger.Log(level, 0, messageFunc(), exception, static (state, _) => state);
#pragma warning restore CA1848, CA1873
            return true;
        }
    }
}

/// <summary>Registers this host's logger factory with <see cref="HangfireLogProvider"/> while the host runs.</summary>
public sealed class HangfireLoggingService(ILoggerFactory factory) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HangfireLogProvider.Instance.Register(factory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HangfireLogProvider.Instance.Unregister(factory);
        return Task.CompletedTask;
    }

    public void Dispose() => HangfireLogProvider.Instance.Unregister(factory);
}
