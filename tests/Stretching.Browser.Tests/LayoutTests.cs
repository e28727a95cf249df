using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

public sealed class LayoutTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const float MinimumTouchTarget = 44;

    [BrowserTheory]
    [InlineData(768, 1024)]
    [InlineData(1024, 768)]
    [InlineData(390, 844)]
    public Task TheCatalogFitsTheScreenWithTouchSizedControls(int width, int height) => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);
        var layout = new SiteLayout(page);

        Assert.True(await layout.FitsViewportWidthAsync(), "the catalog scrolls sideways");
        await Expect(catalog.Filters).ToBeVisibleAsync();
        await Expect(catalog.Cards.First).ToBeVisibleAsync();
        await AssertTouchSizedAsync(catalog.NameBox, catalog.ApplyButton, catalog.Filters.GetByRole(AriaRole.Link, new() { Name = "Clear" }));
    }, options => options.ViewportSize = new() { Width = width, Height = height }, $"{width}x{height}");

    [BrowserFact]
    public Task TheHeaderLinksAreTouchSized() => WithPageAsync(async page =>
    {
        await CatalogPage.OpenAsync(page);

        await AssertTouchSizedAsync(await new SiteLayout(page).NavLinks.AllAsync());
    }, options => options.ViewportSize = new() { Width = 768, Height = 1024 });

    [BrowserTheory]
    [InlineData(768, 1024)]
    [InlineData(1024, 768)]
    [InlineData(390, 844)]
    public Task AnExercisePageFitsTheScreen(int width, int height) => WithPageAsync(async page =>
    {
        var (exercise, _) = await ExercisePage.OpenAsync(page, "bar-hang");

        Assert.True(await new SiteLayout(page).FitsViewportWidthAsync(), "the exercise page scrolls sideways");
        await Expect(exercise.Heading).ToBeInViewportAsync();
        await Expect(exercise.Steps.First).ToBeVisibleAsync();
    }, options => options.ViewportSize = new() { Width = width, Height = height }, $"{width}x{height}");

    [BrowserTheory]
    [InlineData(ColorScheme.Dark, "dark")]
    [InlineData(ColorScheme.Light, "light")]
    public Task ThePagesFollowTheSystemColourScheme(ColorScheme scheme, string theme) => WithPageAsync(async page =>
    {
        await CatalogPage.OpenAsync(page);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
        var luminance = await page.EvaluateAsync<double>("""
            () => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            }
            """);
        Assert.True(theme == "dark" ? luminance < 0.25 : luminance > 0.75, $"body background luminance {luminance:F2} under the {theme} theme");
    }, options => options.ColorScheme = scheme, theme);

    public static TheoryData<string, int> EveryPageAtEveryWidth()
    {
        var cases = new TheoryData<string, int>();
        foreach (var page in SitePages.All)
        {
            foreach (var width in new[] { 360, 390, 820, 1180, 1440 })
            {
                cases.Add(page.Name, width);
            }
        }
        return cases;
    }

    [BrowserTheory]
    [MemberData(nameof(EveryPageAtEveryWidth))]
    public Task NoPageScrollsSideways(string name, int width) => WithPageAsync(async page =>
    {
        await SitePages.OpenAsync(page, SitePages.Named(name));

        var overflow = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var culprits = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 5)
                .map(e => e.outerHTML.slice(0, 100))
            """);
        Assert.True(overflow <= 0, $"{name} at {width} px scrolls {overflow} px sideways: {string.Join(" | ", culprits)}");
    }, options => options.ViewportSize = new() { Width = width, Height = width < 800 ? 780 : width < 1200 ? 1180 : 900 }, $"{name}-{width}");

    private static async Task AssertTouchSizedAsync(params IEnumerable<ILocator> targets)
    {
        foreach (var target in targets)
        {
            var box = await target.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height >= MinimumTouchTarget, $"{await target.EvaluateAsync<string>("e => e.outerHTML.slice(0, 80)")} is {box.Height} px tall");
        }
    }
}
