using System.Text.RegularExpressions;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>Submitting the catalog filters or the builder lands on what they produced, not the top of the form.</summary>
public sealed class FormLandingTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private static void Phone(BrowserNewContextOptions options) => options.ViewportSize = new() { Width = 390, Height = 844 };

    [BrowserFact]
    public Task ApplyingTheFiltersOnAPhoneLandsOnTheResults() => WithPageAsync(async page =>
    {
        var catalog = await CatalogPage.OpenAsync(page);

        await catalog.TickAsync("region", "lumbar");
        await catalog.ApplyFiltersAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/exercises\\?.*region=lumbar.*#results$"));
        await Expect(catalog.ResultCount).ToBeInViewportAsync();
    }, Phone);

    [BrowserFact]
    public Task BuildingASessionOnAPhoneLandsOnTheSession() => WithPageAsync(async page =>
    {
        await page.GotoAsync("/build");
        var form = page.Locator("form.build-form");

        await form.GetByRole(AriaRole.Button, new() { Name = "Build my session" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/build\\?minutes=30&level=beginner.*#session$"));
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await Expect(page.Locator("#session .session-total")).ToBeInViewportAsync();
    }, Phone);
}
