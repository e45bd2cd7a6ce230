using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace CaseManager.Web.BrowserTests.Support;

/// <summary>
/// Runs axe-core (the copy bundled with Deque.AxeCore) on the page as it is now, with all its default rules,
/// and fails on any serious or critical violation; then checks that the page reflows at 320 CSS pixels wide
/// (WCAG 2.2 1.4.10): nothing but a table's own scroll region may scroll sideways.
/// </summary>
/// <remarks>
/// Deque's <c>page.RunAxe()</c> sends the 650 kB script with every call and opens a fresh browser page to merge
/// its results, which cost 2 to 5 seconds a page here. Instead a context gets the script once, as an init script
/// (<see cref="PrepareAsync"/>), and each scan is a plain <c>axe.run</c>: same engine, same rules, same results.
/// </remarks>
public static class AccessibilityAssert
{
    private const string RunAxe =
        "async () => JSON.stringify(await window.axe.run(document, { resultTypes: ['violations'] }))";

    /// <summary>WCAG 1.4.10: content must reflow without scrolling in two dimensions at 320 CSS pixels wide.</summary>
    private const int ReflowWidth = 320;

    /// <summary>The page's width against its viewport's, and the widest elements sticking out, to say what to fix.</summary>
    private const string MeasureOverflow =
        """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.cm-scroll-region') && !e.closest('.govuk-visually-hidden'))
                .slice(-5)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)})`);
            return JSON.stringify({ scrollWidth: root.scrollWidth, clientWidth: width, culprits });
        }
        """;

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Makes axe-core available in every page the context opens.</summary>
    public static Task PrepareAsync(IBrowserContext context) => context.AddInitScriptAsync(AxeSource.Value);

    public static async Task NoSeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var result = new AxeResult(JObject.Parse(await page.EvaluateAsync<string>(RunAxe)));
        await ReflowsAsync(page);
        var failures = result.Violations
            .Where(violation => FailingImpacts.Contains(violation.Impact, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (failures.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"axe found {failures.Count} serious or critical accessibility violation(s) on {page.Url}:");
        foreach (var violation in failures)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                message.AppendLine().Append(CultureInfo.InvariantCulture, $"    at {node.Target}");
            }
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>
    /// Narrows the viewport to 320 CSS pixels, checks that the document is no wider than its viewport (a wide table
    /// may scroll inside its own region, never the page), and puts the viewport back as it was.
    /// </summary>
    public static async Task ReflowsAsync(IPage page)
    {
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(ReflowWidth, original?.Height ?? 720);
        try
        {
            // Two frames: media queries and layout settle at the new width before it is measured.
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var measured = JObject.Parse(await page.EvaluateAsync<string>(MeasureOverflow));
            var scrollWidth = measured.Value<int>("scrollWidth");
            var clientWidth = measured.Value<int>("clientWidth");
            if (scrollWidth > clientWidth)
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"{page.Url} scrolls sideways at {ReflowWidth} CSS pixels (document {scrollWidth}px wide, viewport {clientWidth}px; WCAG 2.2 1.4.10). Sticking out: {string.Join("; ", measured["culprits"]!.Values<string>())}"));
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(original?.Width ?? 1280, original?.Height ?? 720);
        }
    }
}
