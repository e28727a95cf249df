using System.Text.Json;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Testing;

namespace Stretching.Browser.Tests;

/// <summary>
/// axe-core (from npm) run on every page in light and dark, at phone and desktop sizes: no serious or
/// critical violation may remain. Contrast is included, so the design system is checked in both themes.
/// </summary>
public sealed class AccessibilityTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Stretching.Browser.Tests", "node_modules", "axe-core", "axe.min.js")));

    public static TheoryData<string, ColorScheme, int> Cases()
    {
        var cases = new TheoryData<string, ColorScheme, int>();
        foreach (var page in SitePages.All)
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                foreach (var width in new[] { 390, 1440 })
                {
                    cases.Add(page.Name, scheme, width);
                }
            }
        }
        return cases;
    }

    [BrowserTheory]
    [MemberData(nameof(Cases))]
    public Task EveryPageHasNoSeriousOrCriticalAccessibilityViolation(string name, ColorScheme scheme, int width) => WithPageAsync(async page =>
    {
        await SitePages.OpenAsync(page, SitePages.Named(name), Server, Browser);
        // Evaluated, not added as a <script> tag: the Content-Security-Policy refuses inline scripts.
        await page.EvaluateAsync(Axe.Value);

        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const results = await axe.run(document, { resultTypes: ["violations"] });
                return results.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + (n.failureSummary ?? "").replace(/\s+/g, " ")) }));
            }
            """);

        var violations = result.EnumerateArray().Select(v =>
            $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n    "
            + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))).ToList();
        Assert.True(violations.Count == 0, $"{name} ({scheme}, {width} px):\n" + string.Join("\n", violations));
    }, options =>
    {
        options.ColorScheme = scheme;
        options.ViewportSize = new() { Width = width, Height = width < 800 ? 844 : 900 };
    }, $"{name}-{scheme}-{width}");
}
