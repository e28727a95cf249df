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

    [BrowserTheory]
    [InlineData(768, 1024)]
    [InlineData(1280, 800)]
    public Task TheHeaderLinksAreTouchSized(int width, int height) => WithPageAsync(async page =>
    {
        await CatalogPage.OpenAsync(page);
        var layout = new SiteLayout(page);

        // Below the lg breakpoint the links sit behind the menu button, which must be touch-sized too.
        if (await layout.MenuButton.IsVisibleAsync())
        {
            await AssertTouchSizedAsync(layout.MenuButton);
        }
        await layout.ShowNavLinksAsync();
        await AssertTouchSizedAsync(await layout.NavLinks.AllAsync());
    }, options => options.ViewportSize = new() { Width = width, Height = height }, $"{width}x{height}");

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/exercises?exclude=hernia")]
    [InlineData("/exercises/cat-cow")]
    [InlineData("/safety")]
    [InlineData("/safety/conditions")]
    [InlineData("/build")]
    [InlineData("/build?minutes=30&level=beginner&focus=lumbar&equipment=mat&conditions=hernia&seed=42")]
    [InlineData("/build?minutes=30&level=beginner&redFlags=bowel-or-bladder")]
    [InlineData("/routines")]
    [InlineData("/routines/twelve-back-stretches")]
    [InlineData("/no/such/page")]
    public Task EveryPageFitsASmallPhoneWithTheMenuOpenOrClosed(string path) => WithPageAsync(async page =>
    {
        await page.GotoAsync(path);
        var layout = new SiteLayout(page);

        Assert.True(await layout.FitsViewportWidthAsync(), $"{path} scrolls sideways at 360 px");
        await layout.ShowNavLinksAsync();
        Assert.True(await layout.FitsViewportWidthAsync(), $"{path} scrolls sideways at 360 px with the menu open");
    }, options => options.ViewportSize = new() { Width = 360, Height = 780 }, path.Replace('/', '_').Replace('?', '_'));

    [BrowserTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public Task TheKeyboardFocusRingIsSolidAndThreePixelsWide(ColorScheme scheme) => WithPageAsync(async page =>
    {
        await CatalogPage.OpenAsync(page);
        var layout = new SiteLayout(page);

        foreach (var target in new[] { layout.NavLinks.First, page.Locator("#q"), page.Locator("#region-neck"), page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }) })
        {
            await target.FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Tab");
            await Expect(target).ToBeFocusedAsync();
            var outline = await target.EvaluateAsync<string>("e => { const s = getComputedStyle(e); return `${s.outlineStyle} ${s.outlineWidth}`; }");
            Assert.Equal("solid 3px", outline);
        }
    }, options => { options.ColorScheme = scheme; options.ViewportSize = new() { Width = 1280, Height = 800 }; }, scheme.ToString());

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
        await SitePages.OpenAsync(page, SitePages.Named(name), Server, Browser);

        var overflow = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var culprits = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 5)
                .map(e => e.outerHTML.slice(0, 100))
            """);
        Assert.True(overflow <= 0, $"{name} at {width} px scrolls {overflow} px sideways: {string.Join(" | ", culprits)}");
    }, options => options.ViewportSize = new() { Width = width, Height = width < 800 ? 780 : width < 1200 ? 1180 : 900 }, $"{name}-{width}");

    [BrowserTheory]
    [InlineData("/routines/dancer-complex")]
    [InlineData("/build?minutes=30&level=beginner&equipment=mat&seed=7")]
    public Task OnPaperASessionIsItsTimelineAlone(string path) => WithPageAsync(async page =>
    {
        await page.GotoAsync(path);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator(".session-timeline")).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline-item").First).ToBeVisibleAsync();
        foreach (var gone in new[] { ".site-header", ".site-footer", ".save-session", "form", "main .btn" })
        {
            foreach (var element in await page.Locator(gone).AllAsync())
            {
                await Expect(element).ToBeHiddenAsync();
            }
        }
        await Expect(page.GetByText("to keep this session in your library")).ToBeHiddenAsync();
    }, variant: path.Replace('/', '_').Replace('?', '_'));

    [BrowserTheory]
    [InlineData(390)]
    [InlineData(1440)]
    public Task TheInvitationToSaveARoutineKeepsClearOfTheTimeline(int width) => WithPageAsync(async page =>
    {
        await page.GotoAsync("/routines/twelve-back-stretches");

        var invitation = await page.Locator(".save-session").BoundingBoxAsync();
        var heading = await page.Locator(".timeline-block-title").First.BoundingBoxAsync();
        var gap = heading!.Y - (invitation!.Y + invitation.Height);
        Assert.True(gap >= 20, $"the sign-in invitation is {gap} px above the timeline's first heading");
    }, options => options.ViewportSize = new() { Width = width, Height = 900 }, width.ToString(System.Globalization.CultureInfo.InvariantCulture));

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
