namespace Stretching.Browser.Tests.Pages;

/// <summary>What every page shares: the skip link, the header navigation and its menu button, and the footer.</summary>
public sealed class SiteLayout(IPage page)
{
    public ILocator SkipLink => page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });

    public ILocator NavLinks => page.Locator(".site-header .nav-link");

    /// <summary>The button js/menu.js adds below the lg breakpoint (absent without JavaScript).</summary>
    public ILocator MenuButton => page.Locator(".site-header").GetByRole(AriaRole.Button, new() { Name = "Menu" });

    public ILocator FooterSafetyLink => page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Read the safety notes" });

    public ILocator Main => page.Locator("main#content");

    public ILocator Focused => page.Locator(":focus");

    public Task<bool> FitsViewportWidthAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Opens the header menu when the screen is narrow enough to have one, so the links can be used.</summary>
    public async Task ShowNavLinksAsync()
    {
        if (await MenuButton.IsVisibleAsync() && await MenuButton.GetAttributeAsync("aria-expanded") != "true")
        {
            await MenuButton.ClickAsync();
        }
    }
}
