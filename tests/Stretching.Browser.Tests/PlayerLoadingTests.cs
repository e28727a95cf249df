using System.Collections.Concurrent;
using System.Globalization;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>How the player page loads: offline from the service worker's cache, its weight, and its fit on screens.</summary>
public sealed class PlayerLoadingTests(StretchingServer server, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(server, browser)
{
    private const string Dancer = "/play?routine=dancer-complex";
    private const float MinimumTouchTarget = 44;
    private const int WeightBudgetBytes = 80 * 1024;

    [BrowserFact]
    public Task OnceOpenedThePlayerLoadsFromTheCacheAndPlaysOffline() => WithPageAsync(async page =>
    {
        // No fake clock yet: its performance object hides the resource list the page hands to the worker to keep.
        var player = await PlayerPage.OpenAsync(page, Dancer, fakeClock: false);
        await player.WaitUntilKeptOfflineAsync();

        await player.InstallPausedClockAsync();
        await page.Context.SetOfflineAsync(true);
        var response = await page.ReloadAsync();

        Assert.NotNull(response);
        Assert.True(response.FromServiceWorker, "the reloaded page did not come from the service worker");
        Assert.False(await page.EvaluateAsync<bool>("() => fetch('/api/routines').then(() => true, () => false)"), "the network is still reachable");
        await Expect(player.Root).ToHaveAttributeAsync("state", "ready");
        var items = (await player.TimelineAsync()).Items;
        await player.StartAsync();
        await player.ExpectShowingAsync(items[0], "Get into position");
        await player.ToPositionAsync(items[1].Start + 0.25, runTimers: false);
        await player.ExpectShowingAsync(items[1], "Get into position");
        await player.RunAsync(1);
        await Expect(player.Timer).ToHaveTextAsync("0:04");
    });

    /// <summary>
    /// The budget is for what a deployment sends: text compressed with Brotli (a published build serves
    /// CSS and JS precompressed and compresses the page), fonts and images as they are. A development
    /// build stores its "compressed" assets uncompressed, so the test compresses each text body itself
    /// rather than trusting the wire here; both figures are printed.
    /// </summary>
    [BrowserFact]
    public Task TheFirstLoadOfThePlayerWeighsLessThan80KBCompressed() => WithPageAsync(async page =>
    {
        var responses = new ConcurrentQueue<IResponse>();
        page.Response += (_, response) => responses.Enqueue(response);

        await page.GotoAsync(Dancer, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("session-player")).ToHaveAttributeAsync("state", "ready");

        long bodies = 0;
        long compressed = 0;
        long headers = 0;
        foreach (var response in responses)
        {
            await response.FinishedAsync();
            var encoding = await response.HeaderValueAsync("content-encoding") ?? "identity";
            var sizes = await response.Request.SizesAsync();
            var body = await BodyBytesAsSentAsync(response, encoding, sizes);
            var published = await PublishedBytesAsync(response, body);
            output.WriteLine($"{response.Status} {new Uri(response.Url).PathAndQuery}: {body} B as sent ({encoding}), {published} B compressed");
            bodies += body;
            compressed += published;
            headers += sizes.ResponseHeadersSize;
        }
        var navigation = responses.Single(r => r.Request.IsNavigationRequest);
        Assert.Contains("br", await navigation.Request.HeaderValueAsync("accept-encoding") ?? "", StringComparison.Ordinal);
        var timing = await page.EvaluateAsync<double[]>("""
            () => {
                const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
                return [entries.reduce((sum, e) => sum + e.encodedBodySize, 0), entries.reduce((sum, e) => sum + e.transferSize, 0)];
            }
            """);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First load of {Dancer}: {compressed} B compressed ({compressed / 1024.0:F1} KB), {bodies} B as sent by this build, in {responses.Count} responses, plus {headers} B of headers; resource timing: encodedBodySize {timing[0]} B, transferSize {timing[1]} B."));

        Assert.True(compressed < WeightBudgetBytes, $"the first load weighs {compressed} B compressed, over the {WeightBudgetBytes} B budget");
    });

    [BrowserTheory]
    [InlineData(1024, 768)]
    [InlineData(768, 1024)]
    [InlineData(390, 844)]
    public Task ThePlayerFitsTheScreenWithItsCountdownNameAndTouchSizedControlsInView(int width, int height) => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        await Expect(player.Button("start")).ToBeInViewportAsync();
        await AssertFitsAndTouchSizedAsync(page, player);

        await player.StartAsync();
        await player.RunAsync(6);

        foreach (var part in new[] { player.Timer, player.Name, player.Controls, player.Button("pause"), player.Button("skip"), player.Button("back"), player.Button("end") })
        {
            await Expect(part).ToBeInViewportAsync(new() { Ratio = 1 });
        }
        await AssertFitsAndTouchSizedAsync(page, player);
    }, options => options.ViewportSize = new() { Width = width, Height = height }, $"{width}x{height}");

    [BrowserTheory]
    [InlineData(ColorScheme.Dark, "dark")]
    [InlineData(ColorScheme.Light, "light")]
    public Task ThePlayerFollowsTheSystemColourScheme(ColorScheme scheme, string theme) => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        await player.StartAsync();

        foreach (var selector in new[] { "body", "session-player .player" })
        {
            var luminance = await page.Locator(selector).EvaluateAsync<double>("""
                e => {
                    const [r, g, b] = getComputedStyle(e).backgroundColor.match(/\d+/g).map(Number);
                    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
                }
                """);
            Assert.True(theme == "dark" ? luminance < 0.2 : luminance > 0.8, $"{selector} background luminance {luminance:F2} under the {theme} scheme");
        }
    }, options => options.ColorScheme = scheme, theme);

    /// <summary>
    /// The body's size on the wire: the content-length of a (compressed) response, else what the
    /// protocol counted for a chunked one, else the body itself when it was sent as is.
    /// </summary>
    private static async Task<long> BodyBytesAsSentAsync(IResponse response, string encoding, RequestSizesResult sizes)
    {
        if (await response.HeaderValueAsync("content-length") is { } length)
        {
            return long.Parse(length, CultureInfo.InvariantCulture);
        }
        if (sizes.ResponseBodySize > 0 || encoding != "identity")
        {
            Assert.True(sizes.ResponseBodySize > 0, $"no size for {response.Url}");
            return sizes.ResponseBodySize;
        }
        return (await response.BodyAsync()).Length;
    }

    /// <summary>A text body as Brotli would send it; anything else (fonts, images) as it was sent.</summary>
    private static async Task<long> PublishedBytesAsync(IResponse response, long asSent)
    {
        var type = await response.HeaderValueAsync("content-type") ?? "";
        if (!(type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal) || type.Contains("svg", StringComparison.Ordinal)))
        {
            return asSent;
        }
        var body = await response.BodyAsync();
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(body);
        }
        return Math.Min(asSent, output.Length);
    }

    private static async Task AssertFitsAndTouchSizedAsync(IPage page, PlayerPage player)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the player scrolls sideways");
        var checkedButtons = 0;
        foreach (var button in await player.Buttons.AllAsync())
        {
            if (!await button.IsVisibleAsync())
            {
                continue;
            }
            var box = await button.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height >= MinimumTouchTarget, $"{await button.EvaluateAsync<string>("e => e.outerHTML.slice(0, 80)")} is {box.Height} px tall");
            checkedButtons++;
        }
        Assert.True(checkedButtons >= 3, $"only {checkedButtons} buttons visible");
    }
}
