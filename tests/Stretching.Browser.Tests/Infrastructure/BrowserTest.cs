using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Stretching.Browser.Tests.Infrastructure;

[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(StretchingServer server, BrowserFixture browser)
{
    protected StretchingServer Server => server;

    protected BrowserFixture Browser => browser;

    /// <summary>
    /// Runs a test in a fresh browser context. When it fails, a screenshot is kept and what the page
    /// reported (console errors and warnings, uncaught errors, failed requests) is added to the failure,
    /// so a failure seen once in CI can be understood from its output alone.
    /// </summary>
    protected async Task WithPageAsync(
        Func<IPage, Task> test,
        Action<BrowserNewContextOptions>? configure = null,
        string? variant = null,
        [CallerMemberName] string testName = "")
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress, configure);
        var page = await context.NewPageAsync();
        var pageLog = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") pageLog.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => pageLog.Enqueue($"page error: {error}");
        page.RequestFailed += (_, request) => pageLog.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
        try
        {
            await test(page);
        }
        catch (Exception failure)
        {
            await SaveScreenshotAsync(page, variant is null ? testName : $"{testName}-{variant}");
            if (pageLog.IsEmpty) throw;
            throw new XunitException($"{failure.Message}{Environment.NewLine}What the page reported:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", pageLog)}", failure);
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
