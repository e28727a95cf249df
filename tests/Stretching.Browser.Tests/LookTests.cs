using System.Text.Json;
using Stretching.Browser.Tests.Infrastructure;

namespace Stretching.Browser.Tests;

/// <summary>
/// The look's promises that only a browser can check, on every page: the brand palette reaches every
/// component (no Bootstrap blue, painted or held in a variable for hover, focus or when active, in either
/// theme), and text asks only for the typeface's two loaded weights.
/// </summary>
public sealed class LookTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    public static TheoryData<string, ColorScheme> Cases()
    {
        var cases = new TheoryData<string, ColorScheme>();
        foreach (var page in SitePages.All)
        {
            cases.Add(page.Name, ColorScheme.Light);
            cases.Add(page.Name, ColorScheme.Dark);
        }
        return cases;
    }

    [BrowserTheory]
    [MemberData(nameof(Cases))]
    public Task NoPageShowsBootstrapsDefaultBlue(string name, ColorScheme scheme) => WithPageAsync(async page =>
    {
        await SitePages.OpenAsync(page, SitePages.Named(name), Server, Browser);

        // #0d6efd and its hover and pressed shades #0b5ed7 and #0a58ca, as computed colours, in SVG data
        // addresses and in Bootstrap's custom properties (its hover and active colours live there).
        // --bs-blue is only the palette's name for the colour: no Bootstrap rule paints with it.
        var found = await page.EvaluateAsync<JsonElement>("""
            () => {
                const hexes = ["0d6efd", "0b5ed7", "0a58ca"];
                const triplets = ["13,110,253", "11,94,215", "10,88,202"];
                const painted = ["color", "background-color", "border-top-color", "border-right-color", "border-bottom-color",
                    "border-left-color", "outline-color", "text-decoration-color", "box-shadow", "fill", "stroke", "caret-color", "background-image"];
                const isBlue = (value) => {
                    const v = value.toLowerCase().replace(/\s+/g, "");
                    return hexes.some((h) => v.includes("#" + h) || v.includes("%23" + h)) || triplets.some((t) => v === t || v.includes("(" + t));
                };
                const describe = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + [...e.classList].map((c) => "." + c).join("");
                const found = new Map();
                for (const element of [document.documentElement, ...document.querySelectorAll("body, body *")]) {
                    const style = getComputedStyle(element);
                    for (const property of [...painted, ...[...style].filter((p) => p.startsWith("--") && p !== "--bs-blue")]) {
                        const value = style.getPropertyValue(property);
                        if (isBlue(value) && !found.has(property + value)) found.set(property + value, `${describe(element)} ${property}: ${value.trim()}`);
                    }
                }
                return [...found.values()];
            }
            """);

        var blues = found.EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(blues.Count == 0, $"{name} ({scheme}) shows Bootstrap's blue:\n  " + string.Join("\n  ", blues));
    }, options =>
    {
        options.ColorScheme = scheme;
        options.ViewportSize = new() { Width = 1440, Height = 900 };
    }, $"{name}-{scheme}");

    public static TheoryData<string> Pages => SitePages.Names;

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public Task NoTextAsksForAWeightTheTypefaceDoesNotHave(string name) => WithPageAsync(async page =>
    {
        await SitePages.OpenAsync(page, SitePages.Named(name), Server, Browser);

        // Atkinson Hyperlegible is loaded in 400 and 700 only; 600 or 800 would be faked or rounded by the browser.
        var odd = await page.EvaluateAsync<string[]>("""
            () => {
                const found = new Map();
                for (const element of document.querySelectorAll("body, body *")) {
                    const text = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "");
                    const weight = getComputedStyle(element).fontWeight;
                    if (text && weight !== "400" && weight !== "700" && !found.has(weight)) {
                        found.set(weight, `${weight}: ${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${element.textContent.trim().slice(0, 30)}"`);
                    }
                }
                return [...found.values()];
            }
            """);

        Assert.True(odd.Length == 0, $"{name} asks for weights that are not loaded:\n  " + string.Join("\n  ", odd));
    }, options => options.ViewportSize = new() { Width = 1440, Height = 900 }, name);
}
