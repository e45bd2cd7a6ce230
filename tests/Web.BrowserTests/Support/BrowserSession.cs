using CaseManager.Infrastructure.Seeding;
using System.Globalization;
using Microsoft.Playwright;

namespace CaseManager.Web.BrowserTests.Support;

/// <summary>
/// One user's browser tab. Every page load goes through <see cref="VisitAsync"/> or <see cref="ClickAsync"/>,
/// which wait for the new page and scan it with axe, so that no page a journey visits escapes the check.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(15);

    private readonly IBrowserContext _context;
    private readonly bool _javaScriptEnabled;
    private int _loads;
    private int _scanned;
    private TaskCompletionSource _nextLoad = NewSignal();
    private IBrowserContext? _replayContext;
    private IPage? _replay;

    private BrowserSession(IBrowserContext context, IPage page, bool javaScriptEnabled)
    {
        _context = context;
        _javaScriptEnabled = javaScriptEnabled;
        Page = page;
        Page.Load += (_, loadedPage) =>
        {
            if (loadedPage.Url == "about:blank")
            {
                return;
            }

            Interlocked.Increment(ref _loads);
            Volatile.Read(ref _nextLoad).TrySetResult();
        };
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context, bool javaScriptEnabled)
    {
        context.SetDefaultTimeout(10_000);
        if (javaScriptEnabled)
        {
            await AccessibilityAssert.PrepareAsync(context);
        }

        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, javaScriptEnabled);
    }

    public Task VisitAsync(string path) => NavigateAsync(() => Page.GotoAsync(path));

    public Task ClickAsync(ILocator target) => NavigateAsync(() => target.ClickAsync());

    public async Task SignInAsync(string email, string password = DemoOptions.DefaultPassword)
    {
        await VisitAsync("/");
        await SubmitSignInAsync(email, password);
    }

    /// <summary>Fills in and submits the sign-in form already on screen.</summary>
    public async Task SubmitSignInAsync(string email, string password = DemoOptions.DefaultPassword)
    {
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await ClickAsync(Page.GetByTestId("sign-in"));
    }

    public async Task SearchPeopleAsync(string text)
    {
        await VisitAsync("/people");
        await Page.GetByTestId("search-input").FillAsync(text);
        await ClickAsync(Page.GetByTestId("search-button"));
    }

    public async Task FillDateOfBirthAsync(DateOnly date)
    {
        await Page.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds a person through the form and returns the path of their page.</summary>
    public async Task<string> AddPersonAsync(string givenName, string familyName, DateOnly dateOfBirth)
    {
        await VisitAsync("/people/create");
        await Page.GetByLabel("Given name").FillAsync(givenName);
        await Page.GetByLabel("Family name").FillAsync(familyName);
        await FillDateOfBirthAsync(dateOfBirth);
        await ClickAsync(Page.GetByTestId("save-person"));
        return new Uri(Page.Url).AbsolutePath;
    }

    public async ValueTask DisposeAsync()
    {
        if (_replayContext is not null)
        {
            await _replayContext.CloseAsync();
        }

        await _context.CloseAsync();
    }

    private async Task NavigateAsync(Func<Task> navigate)
    {
        if (Volatile.Read(ref _loads) != _scanned)
        {
            throw new InvalidOperationException(
                $"A page loaded without an accessibility scan (now at {Page.Url}): navigate with VisitAsync or ClickAsync.");
        }

        var loaded = NewSignal();
        Volatile.Write(ref _nextLoad, loaded);
        await navigate();
        await loaded.Task.WaitAsync(LoadTimeout);
        _scanned = Volatile.Read(ref _loads);
        await ScanAsync();
    }

    private async Task ScanAsync()
    {
        if (_javaScriptEnabled)
        {
            await AccessibilityAssert.NoSeriousViolationsAsync(Page);
            return;
        }

        // axe cannot run where scripts are off, so the page's HTML is replayed at its own address in a page
        // that blocks the app's scripts but lets axe run: the same markup and styles, still without JavaScript.
        var html = await Page.ContentAsync();
        var url = Page.Url;
        var replay = _replay ??= await OpenReplayPageAsync();
        Func<string, bool> isThisPage = address => address == url;
        await replay.RouteAsync(isThisPage, route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = html }));
        try
        {
            await replay.GotoAsync(url);
        }
        finally
        {
            await replay.UnrouteAsync(isThisPage);
        }

        await AccessibilityAssert.NoSeriousViolationsAsync(replay);
    }

    private async Task<IPage> OpenReplayPageAsync()
    {
        _replayContext = await _context.Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        await AccessibilityAssert.PrepareAsync(_replayContext);
        await _replayContext.RouteAsync("**/*", route => route.Request.ResourceType == "script" ? route.AbortAsync() : route.ContinueAsync());
        return await _replayContext.NewPageAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
