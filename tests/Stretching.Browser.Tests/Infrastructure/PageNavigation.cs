namespace Stretching.Browser.Tests.Infrastructure;

public static class PageNavigation
{
    /// <summary>
    /// Waits until the page shows the address and its document has loaded. WaitForURLAsync can miss
    /// a navigation that commits while it subscribes (microsoft/playwright-dotnet#3364); the URL
    /// assertion polls in the driver instead.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, string pathAndQuery)
    {
        await Assertions.Expect(page).ToHaveURLAsync(pathAndQuery);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }
}
