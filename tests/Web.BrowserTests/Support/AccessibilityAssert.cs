using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace CaseManager.Web.BrowserTests.Support;

/// <summary>
/// Runs axe-core (the copy bundled with Deque.AxeCore) on the page as it is now, with all its default rules,
/// and fails on any serious or critical violation.
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
}
