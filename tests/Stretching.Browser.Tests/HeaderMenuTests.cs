using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>
/// The header: on a phone one row with a menu button, or all links when JavaScript is off; on a tablet
/// in landscape and on a desktop one row too, signed in (eight links) or not.
/// </summary>
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
        await Expect(layout.NavLinks).ToHaveCountAsync(5); // four sections and Sign in
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
        await Expect(layout.NavLinks).ToHaveCountAsync(5); // four sections and Sign in
        await Expect(layout.NavLinks.Filter(new() { HasTextString = "Routines" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator(".site-header [aria-current=page]")).ToHaveCountAsync(1);
    }, options => options.ViewportSize = new() { Width = 1280, Height = 800 });

    [BrowserTheory]
    [InlineData(1180, true)]
    [InlineData(1280, true)]
    [InlineData(1440, true)]
    [InlineData(1180, false)]
    [InlineData(1440, false)]
    public Task OnATabletInLandscapeAndADesktopTheHeaderIsOneRow(int width, bool signedIn) => WithPageAsync(async page =>
    {
        if (signedIn)
        {
            await (await Server.PersonAsync(Browser)).SignInAsync(page.Context);
        }
        await page.GotoAsync("/routines");
        await page.EvaluateAsync("() => document.fonts.ready");
        var layout = new SiteLayout(page);

        // The brand, the menu button and the links in view: their middles on one line, the header one row tall.
        var middles = await page.EvaluateAsync<double[]>("""
            () => [document.querySelector(".site-header .site-brand"), ...document.querySelectorAll(".site-header .menu-toggle, .site-header .site-nav .nav-link")]
                .filter((e) => e.getClientRects().length > 0)
                .map((e) => { const box = e.getBoundingClientRect(); return box.top + box.height / 2; })
            """);
        Assert.True(middles.Max() - middles.Min() < 4, $"the header's items sit at {string.Join(", ", middles.Select(m => Math.Round(m)))} px: more than one row");
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the header is {header.Height} px tall, more than one row");
        if (width >= 1200)
        {
            // A desktop shows every link (a laptop has room for all of them) rather than a menu button.
            await Expect(layout.MenuButton).ToBeHiddenAsync();
            await Expect(layout.NavLinks).ToHaveCountAsync(signedIn ? 8 : 5);
            foreach (var link in await layout.NavLinks.AllAsync())
            {
                await Expect(link).ToBeVisibleAsync();
            }
        }
        if (signedIn)
        {
            await layout.ShowNavLinksAsync();
            await Expect(page.Locator(".site-header a[href='Account/Manage']")).ToBeVisibleAsync();
        }
    }, options => options.ViewportSize = new() { Width = width, Height = 800 }, $"{width}-{(signedIn ? "signed-in" : "anonymous")}");
}
