using System.Runtime.CompilerServices;

namespace Stretching.Browser.Tests.Infrastructure;

[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(StretchingServer server, BrowserFixture browser)
{
    protected StretchingServer Server => server;

    /// <summary>Runs a test in a fresh browser context and keeps a screenshot when it fails.</summary>
    protected async Task WithPageAsync(
        Func<IPage, Task> test,
        Action<BrowserNewContextOptions>? configure = null,
        string? variant = null,
        [CallerMemberName] string testName = "")
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress, configure);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            await SaveScreenshotAsync(page, variant is null ? testName : $"{testName}-{variant}");
            throw;
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        try
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The test's own failure matters more than a missing screenshot.
        }
    }
}
