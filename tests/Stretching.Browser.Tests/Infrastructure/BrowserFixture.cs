namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>One headless Debian Chromium for the whole run, launched on first use.</summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _launch = new(LaunchAsync);

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        };
        configure?.Invoke(options);
        var (_, browser) = await _launch.Value;
        return await browser.NewContextAsync(options);
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        if (Directory.Exists(ScreenshotDirectory))
        {
            Directory.Delete(ScreenshotDirectory, recursive: true);
        }
        Assertions.SetDefaultExpectTimeout(10_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserRequirement.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return (playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        if (_launch.IsValueCreated && _launch.Value.IsCompletedSuccessfully)
        {
            var (playwright, browser) = _launch.Value.Result;
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
