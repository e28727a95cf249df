using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using Stretching.Web.Catalog;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>
/// The figures in a real browser: the contact sheet of every pose, screenshot for a person to look at,
/// and the player's figure moving between key poses at the exercise's cadence, turned over for the
/// right side, still with reduced motion.
/// </summary>
public sealed class FigureTests(StretchingServer server, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(server, browser)
{
    private const string Dancer = "/play?routine=dancer-complex";

    /// <summary>Where the contact sheets are saved: beside the test assembly, kept after the run.</summary>
    public static string SheetDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "figures");

    [BrowserTheory]
    [InlineData(ColorScheme.Light, "light")]
    [InlineData(ColorScheme.Dark, "dark")]
    public Task TheContactSheetShowsEveryPoseOfEveryExerciseAndIsSavedForAPersonToLookAt(ColorScheme scheme, string theme) => WithPageAsync(async page =>
    {
        var catalog = Server.Services.GetRequiredService<CatalogStore>().Current;
        _ = Server.BaseAddress;
        await page.GotoAsync("/dev/figures", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Expect(page.Locator(".figure-sheet-entry")).ToHaveCountAsync(catalog.Exercises.Count);
        var images = await page.Locator(".figure-sheet img").EvaluateAllAsync<JsonElement>("""
            images => images.map(i => ({ alt: i.alt, loaded: i.complete && i.naturalWidth > 0, source: i.currentSrc, width: i.getBoundingClientRect().width, height: i.getBoundingClientRect().height }))
            """);
        var all = images.EnumerateArray().ToList();
        Assert.Equal(catalog.Exercises.Sum(e => catalog.Figure(e.Slug)!.Poses.Count + (e.PerSide ? 1 : 0)), all.Count);
        Assert.All(all, image =>
        {
            var source = image.GetProperty("source").GetString()!;
            Assert.True(image.GetProperty("loaded").GetBoolean(), $"{source} did not load");
            Assert.False(string.IsNullOrWhiteSpace(image.GetProperty("alt").GetString()), $"{source} has no alternative text");
            Assert.Equal(theme == "dark", source.Contains("theme=dark", StringComparison.Ordinal));
            Assert.Equal(64, image.GetProperty("height").GetDouble(), 1);
        });

        Directory.CreateDirectory(SheetDirectory);
        var file = Path.Combine(SheetDirectory, $"contact-sheet-{theme}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"{all.Count} poses of {catalog.Exercises.Count} exercises: {file}");
    }, options =>
    {
        options.ColorScheme = scheme;
        options.ViewportSize = new() { Width = 1440, Height = 900 };
    }, theme);

    [BrowserFact]
    public Task TheFigureMovesIntoEachHoldAndReleaseAtTheExercisesCadenceAndStaysThere() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        var items = (await player.TimelineAsync()).Items;
        var cat = items.Single(i => i.Name == "Cat-cow");
        var (allFours, round, sag) = (await player.KeyPoseTrunkAsync("cat-cow", 0), await player.KeyPoseTrunkAsync("cat-cow", 1), await player.KeyPoseTrunkAsync("cat-cow", 2));
        await player.StartAsync();

        await player.ToPositionAsync(cat.Start + 1);
        await Expect(player.Figure).ToBeVisibleAsync();
        await Expect(player.Figure).ToHaveAttributeAsync("aria-label", "Figure: Cat-cow");
        Assert.Equal(allFours, await player.FigureTrunkAsync());

        // The cat's 5 s hold: the back rounds over the first seconds, then holds still.
        var holdStart = cat.Start + cat.Lead;
        await player.ToPositionAsync(holdStart + 0.5, runTimers: true);
        var moving = await player.FigureTrunkAsync();
        Assert.NotEqual(allFours, moving);
        Assert.NotEqual(round, moving);
        await player.ToPositionAsync(holdStart + 3, runTimers: true);
        Assert.Equal(round, await player.FigureTrunkAsync());
        await player.ToPositionAsync(holdStart + 4.5, runTimers: true);
        Assert.Equal(round, await player.FigureTrunkAsync());

        // Its release: on to the cow, and held there until the next round.
        var releaseStart = holdStart + cat.RepSeconds!.Value - cat.Release!.Value;
        await player.ToPositionAsync(releaseStart + cat.Release.Value - 0.1, runTimers: true);
        Assert.Equal(sag, await player.FigureTrunkAsync());
        await Expect(player.FigureDrawing).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-mirrored"));
    });

    [BrowserFact]
    public Task TheRightSideIsTheFigureTurnedOverAndUpNextShowsTheNextStartingPose() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        var items = (await player.TimelineAsync()).Items;
        var left = items.Single(i => i.Name == "Twist from table pose" && i.Side == "left");
        var right = items[left.Index + 1];
        await player.StartAsync();

        await player.ToPositionAsync(left.Start + left.Lead + 5, runTimers: false);
        await Expect(player.FigureDrawing).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-mirrored"));
        Assert.Equal("none", await player.FigureDrawing.EvaluateAsync<string>("svg => getComputedStyle(svg).transform"));
        // Up next: the same exercise on the right side, small and turned over.
        await Expect(player.NextFigure).ToBeVisibleAsync();
        await Expect(player.NextFigure).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-mirrored"));

        await player.ToPositionAsync(right.Start + right.Lead + 5, runTimers: false);
        await Expect(player.Side).ToHaveTextAsync("Right side");
        await Expect(player.FigureDrawing).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-mirrored"));
        Assert.Equal("matrix(-1, 0, 0, 1, 0, 0)", await player.FigureDrawing.EvaluateAsync<string>("svg => getComputedStyle(svg).transform"));
    });

    [BrowserFact]
    public Task WithReducedMotionTheFigureStandsStillInThePoseOfEachPhase() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        var items = (await player.TimelineAsync()).Items;
        var cat = items.Single(i => i.Name == "Cat-cow");
        var (allFours, round) = (await player.KeyPoseTrunkAsync("cat-cow", 0), await player.KeyPoseTrunkAsync("cat-cow", 1));
        await player.StartAsync();

        await player.ToPositionAsync(cat.Start + 1);
        await player.ToPositionAsync(cat.Start + cat.Lead - 0.2, runTimers: true);
        Assert.Equal(allFours, await player.FigureTrunkAsync());
        foreach (var moment in new[] { 0.1, 0.5, 1, 2, 4 })
        {
            await player.ToPositionAsync(cat.Start + cat.Lead + moment, runTimers: true);
            Assert.Equal(round, await player.FigureTrunkAsync());
        }
    }, options => options.ReducedMotion = ReducedMotion.Reduce);
}
