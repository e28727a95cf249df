using Stretching.Browser.Tests.Infrastructure;

namespace Stretching.Browser.Tests.Pages;

public sealed class ExercisePage(IPage page)
{
    public static async Task<(ExercisePage Page, IResponse? Response)> OpenAsync(IPage page, string slug)
    {
        var response = await page.GotoAsync("/exercises/" + slug);
        return (new ExercisePage(page), response);
    }

    public ILocator Heading => page.Locator("main h1");

    public ILocator Steps => page.Locator("ol.steps > li");

    public ILocator Safety => page.Locator("section.safety");

    public ILocator Contraindications => Safety.Locator("ul.contraindications > li");

    public ILocator Dosage => page.GetByRole(AriaRole.Region, new() { Name = "Dosage" });

    public ILocator VariationLinks => page.Locator("ul.variations a");

    public async Task<ExercisePage> OpenVariationAsync(ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.WaitForPageAsync("/" + href);
        return this;
    }
}
