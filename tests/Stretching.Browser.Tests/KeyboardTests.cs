using System.Text.RegularExpressions;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

public sealed class KeyboardTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [BrowserFact]
    public Task TheFirstTabReachesTheSkipToContentLink() => WithPageAsync(async page =>
    {
        await CatalogPage.OpenAsync(page);
        var layout = new SiteLayout(page);

        await page.Keyboard.PressAsync("Tab");

        await Expect(layout.SkipLink).ToBeFocusedAsync();
        await Expect(layout.SkipLink).ToBeInViewportAsync();
    });

    [BrowserFact]
    public Task FollowingTheSkipLinkStaysOnThePageAndFocusesTheMainContent() => WithPageAsync(async page =>
    {
        await CatalogPage.OpenAsync(page);
        var layout = new SiteLayout(page);

        await layout.SkipLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(layout.Main).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/exercises#content$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Exercises");
    });

    [BrowserFact]
    public Task TheFiltersCanBeFilledInAndSubmittedWithTheKeyboard() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);
        await catalog.NameBox.FocusAsync();

        await page.Keyboard.TypeAsync("cat");
        await page.Keyboard.PressAsync("Tab");
        await Expect(catalog.Checkbox("region", "neck")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await TabUntilFocusedAsync(page, catalog.ApplyButton);
        await catalog.SubmitAsync(() => page.Keyboard.PressAsync("Enter"));

        Assert.EndsWith("/exercises?q=cat&region=neck#results", page.Url, StringComparison.Ordinal);
        await Expect(catalog.Checkbox("region", "neck")).ToBeCheckedAsync();
        await Expect(catalog.NameBox).ToHaveValueAsync("cat");
    });

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, int maxTabs = 40)
    {
        for (var i = 0; i < maxTabs && !await target.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(target).ToBeFocusedAsync();
    }
}
