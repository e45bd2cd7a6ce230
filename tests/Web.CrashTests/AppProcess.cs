using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CaseManager.Web.CrashTests;

/// <summary>
/// One data folder (case database, job store, mail folder) and the built web app run on it as a real process,
/// on a free port, in Development (migrate and demo seed at start). A process can be killed (SIGKILL) and the app
/// started again on the same folder. Every process is killed and the folder deleted on dispose.
/// </summary>
public sealed class AppInstance : IDisposable
{
    private readonly List<AppProcess> _processes = [];

    public AppInstance()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "casemanager-crash-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "casemanager.db");

    public string MailFolder => Path.Combine(Folder, "mail");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Starts the app on this folder. Hangfire's job store is left to its default (beside the database).</summary>
    public AppProcess Start(params (string Key, string Value)[] settings)
    {
        var process = AppProcess.Start(this, settings);
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

public sealed class AppProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http => _http;

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>The app has started listening (it logged "Application started").</summary>
    public bool IsListening { get; private set; }

    internal static AppProcess Start(AppInstance instance, (string Key, string Value)[] settings)
    {
        var webFolder = WebOutputFolder();
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(webFolder, "CaseManager.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ConnectionStrings__CaseManager"] = instance.ConnectionString;
        start.Environment["Email__PickupDirectory"] = instance.MailFolder;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until /health/ready answers 200; fails with the process's output if it does not in time.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? StartTimeout;
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app was not ready after {limit.TotalSeconds:0} s. Its output:\n{Output}");
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _http.Dispose();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web project's build output in the same configuration as these tests.</summary>
    private static string WebOutputFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManager.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("CaseManager.sln not found above " + AppContext.BaseDirectory);
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var folder = Path.Combine(directory.FullName, "src", "Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, "CaseManager.Web.dll"))
            ? folder
            : throw new InvalidOperationException("The web app is not built: " + folder);
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            IsListening |= line.Contains("Application started", StringComparison.Ordinal);
            _output.Enqueue(line);
        }
    }
}
