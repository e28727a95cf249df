using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Catalog;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Figures;

/// <summary>Where the figures appear: cards, the exercise page, timelines, the home page, the contact sheet; and where they must not.</summary>
[Collection(AppCollection.Name)]
public sealed class FigurePagesTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    private string Version => app.Services.GetRequiredService<CatalogStore>().Current.Version;

    [Fact]
    public async Task EveryCatalogCardShowsItsExercisesFigureNamedInItsAlternativeText()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises");

        var cards = page.QuerySelectorAll("article.exercise-card");
        Assert.NotEmpty(cards);
        Assert.All(cards, card =>
        {
            var name = card.QuerySelector("h2 a")!.TextContent.Trim();
            var image = card.QuerySelector(".exercise-card-figure img");
            Assert.NotNull(image);
            Assert.StartsWith($"{name}: ", image.GetAttribute("alt"));
            Assert.EndsWith($".svg?v={Version}", image.GetAttribute("src"));
        });
    }

    [Fact]
    public async Task TheExercisePageShowsEveryKeyPoseInOrderWithItsLabel()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises/cat-cow");

        var poses = page.QuerySelectorAll("ol.key-poses > li");
        Assert.Equal(["All fours", "Cat", "Cow"], poses.Select(p => p.QuerySelector("figcaption")!.TextContent));
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $"figures/cat-cow/{i}.svg?v={Version}"),
            poses.Select(p => p.QuerySelector("img")!.GetAttribute("src")));
        Assert.Equal(["Cat-cow: All fours", "Cat-cow: Cat", "Cat-cow: Cow"], poses.Select(p => p.QuerySelector("img")!.GetAttribute("alt")));
        Assert.Equal("true", page.QuerySelector(".exercise-intro-figure")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task AnExerciseDoneOnEachSideAlsoShowsTheOtherSideMirrored()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises/table-twist");

        var poses = page.QuerySelectorAll("ol.key-poses > li");
        Assert.Equal(["Table", "Twist", "Twist, other side"], poses.Select(p => p.QuerySelector("figcaption")!.TextContent));
        var other = poses.Last().QuerySelector("img")!;
        Assert.Contains("is-mirrored", other.ClassList);
        Assert.Equal($"figures/table-twist/1.svg?v={Version}", other.GetAttribute("src"));
        Assert.DoesNotContain(poses.SkipLast(1), p => p.QuerySelector("img")!.ClassList.Contains("is-mirrored"));
    }

    [Fact]
    public async Task ATimelineShowsASmallDecorativeFigurePerItemTurnedOverForTheRightSide()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/routines/dancer-complex");

        var items = page.QuerySelectorAll(".timeline-item");
        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            var image = item.QuerySelector(".timeline-figure img");
            Assert.NotNull(image);
            Assert.Equal("", image.GetAttribute("alt"));
            var right = item.QuerySelector(".timeline-side")?.TextContent == "right side";
            Assert.Equal(right, image.ClassList.Contains("is-mirrored"));
        });
        Assert.Contains(items, item => item.QuerySelector(".timeline-side")?.TextContent == "right side");
    }

    [Fact]
    public async Task ThePlayersPrintableFallbackLoadsNoImages()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/play?routine=dancer-complex");

        Assert.NotNull(page.QuerySelector(".player-fallback .timeline-item"));
        Assert.Empty(page.QuerySelectorAll("img"));
    }

    [Fact]
    public async Task TheHomePageIsIllustratedWithDecorativeFigures()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/");

        var art = page.QuerySelector(".hero-art")!;
        Assert.Equal("true", art.GetAttribute("aria-hidden"));
        var images = art.QuerySelectorAll("img");
        Assert.Equal(3, images.Length);
        Assert.All(images, image => Assert.Equal("", image.GetAttribute("alt")));
    }

    [Fact]
    public async Task TheContactSheetShowsEveryPoseOfEveryExercise()
    {
        var catalog = app.Services.GetRequiredService<CatalogStore>().Current;
        var (response, page) = await HtmlPage.GetAsync(_client, "/dev/figures");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = page.QuerySelectorAll(".figure-sheet-entry");
        Assert.Equal(catalog.Exercises.Select(e => e.Slug), entries.Select(e => e.GetAttribute("data-slug")));
        foreach (var entry in entries)
        {
            var exercise = catalog.Exercise(entry.GetAttribute("data-slug")!)!;
            var poses = catalog.Figure(exercise.Slug)!.Poses.Count + (exercise.PerSide ? 1 : 0);
            Assert.Equal(poses, entry.QuerySelectorAll("img").Length);
        }
    }

    [Fact]
    public async Task TheContactSheetIsForDevelopmentOnly()
    {
        await using var factory = new StretchingAppFactory();
        await using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        var response = await production.CreateClient().GetAsync("/dev/figures");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
