using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>The header on a phone: one row with a menu button, or all links when JavaScript is off.</summary>
public sealed class HeaderMenuTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static void Phone(BrowserNewContextOptions options) => options.ViewportSize = new() { Width = 390, Height = 844 };

    [BrowserFact]
    public Task OnAPhoneTheMenuButtonShowsAndHidesTheLinks() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/");
        var layout = new SiteLayout(page);

        await Expect(layout.MenuButton).ToBeVisibleAsync();
        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-controls", "site-nav");
        await Expect(layout.NavLinks.First).ToBeHiddenAsync();
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the closed header is {header.Height} px tall, more than one row");

        await layout.MenuButton.ClickAsync();

        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        // The four sections and Sign in (a visitor is not signed in).
        await Expect(layout.NavLinks).ToHaveCountAsync(5);
        foreach (var link in await layout.NavLinks.AllAsync())
        {
            await Expect(link).ToBeVisibleAsync();
        }

        await layout.MenuButton.ClickAsync();

        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(layout.NavLinks.First).ToBeHiddenAsync();
    }, Phone);

    [BrowserFact]
    public Task TheMenuWorksFromTheKeyboardAndEscapeClosesIt() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/exercises");
        var layout = new SiteLayout(page);

        await layout.MenuButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Tab");
        await Expect(layout.NavLinks.First).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");

        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(layout.MenuButton).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(layout.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
    }, Phone);

    [BrowserFact]
    public Task WithoutJavaScriptAPhoneShowsEveryLinkAndNoMenuButton() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/routines");
        var layout = new SiteLayout(page);

        await Expect(layout.MenuButton).ToHaveCountAsync(0);
        foreach (var link in await layout.NavLinks.AllAsync())
        {
            await Expect(link).ToBeVisibleAsync();
        }
        Assert.True(await layout.FitsViewportWidthAsync(), "the header scrolls sideways without JavaScript");
    }, options => { Phone(options); options.JavaScriptEnabled = false; });

    [BrowserFact]
    public Task OnADesktopTheLinksAreAlwaysShownAndTheCurrentOneIsMarked() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/routines/twelve-back-stretches");
        var layout = new SiteLayout(page);

        await Expect(layout.MenuButton).ToBeHiddenAsync();
        // The four sections and Sign in (a visitor is not signed in).
        await Expect(layout.NavLinks).ToHaveCountAsync(5);
        await Expect(layout.NavLinks.Filter(new() { HasTextString = "Routines" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator(".site-header [aria-current=page]")).ToHaveCountAsync(1);
    }, options => options.ViewportSize = new() { Width = 1280, Height = 800 });
}
