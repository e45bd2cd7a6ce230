using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;

namespace CaseManager.Web.BrowserTests.Support;

/// <summary>
/// One running app and one headless Debian Chromium per test class; each test opens its own browser context.
/// Chromium comes from the operating system (CI installs it): a missing binary fails the tests, never skips them.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private readonly CaseManagerAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app under test, for reading ids from its database or sending it messages as a user.</summary>
    public CaseManagerAppFactory App => _app;

    public async Task InitializeAsync()
    {
        var chromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromiumPath;
        if (!File.Exists(chromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{chromiumPath}'. Browser tests use the operating system's Chromium: " +
                "install it with 'apt-get install -y chromium', or set CHROMIUM_PATH to its executable. " +
                "Do not run 'playwright install'.");
        }

        var starting = Task.Run(_app.Start);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        BaseAddress = await starting;
    }

    public async Task<BrowserSession> NewSessionAsync(bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
        });
        return await BrowserSession.OpenAsync(context, javaScriptEnabled);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
