namespace Stretching.Browser.Tests.Pages;

/// <summary>What every page shares: the skip link, the header navigation and the footer.</summary>
public sealed class SiteLayout(IPage page)
{
    public ILocator SkipLink => page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });

    public ILocator NavLinks => page.Locator(".site-header .nav-link");

    public ILocator FooterSafetyLink => page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Read the safety notes" });

    public ILocator Main => page.Locator("main#content");

    public ILocator Focused => page.Locator(":focus");

    public Task<bool> FitsViewportWidthAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
