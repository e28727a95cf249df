using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stretching.Core.Catalog;
using Stretching.Web.Components.Shared;
using Stretching.Web.Figures;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Components;

/// <summary>Components rendered to HTML without a host, the way the aspnetcore HtmlRenderer tests do it.</summary>
public sealed class ExerciseCardTests
{
    private static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(new FigureImages(() => Catalog))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>The catalog of data/, figures included, as the app holds it.</summary>
    private static readonly CatalogSnapshot Catalog = new(
        CatalogFiles.LoadExercises(RepositoryPaths.Data), CatalogFiles.LoadRoutines(RepositoryPaths.Data), CatalogFiles.LoadFigures(RepositoryPaths.Data));

    private static Exercise Twist => new()
    {
        Slug = "supine-twist",
        Name = "Lying twist",
        Aliases = [],
        Summary = "Knees fall to one side.",
        Steps = ["Lie down."],
        PhaseCues = new PhaseCues("Lie on your back", "Let the knees fall to one side", "Bring the knees back", null),
        Benefits = [],
        Regions = [Region.Lumbar, Region.Hips],
        Position = Position.Supine,
        Kind = ExerciseKind.Mobility,
        Patterns = [LoadPattern.Rotation, LoadPattern.LyingSupine],
        Level = Level.Beginner,
        Hold = new SecondsRange(15, 15),
        Reps = new CountRange(9, 9),
        PerSide = true,
        Variations = [],
        Equipment = [Equipment.Mat],
        Contraindications = [Condition.Osteoporosis],
        Cautions = [Condition.Hernia],
        Precautions = [],
        FromArticles = true,
        Sources = [new("back-stretches-12", "2. Twisting")],
    };

    [Fact]
    public async Task TheCardLinksToTheExerciseAndShowsPositionDosageAndRegions()
    {
        var html = await RenderAsync<ExerciseCard>(new Dictionary<string, object?> { ["Exercise"] = Twist });
        var card = await HtmlPage.ParseAsync(html);

        Assert.Equal("exercises/supine-twist", card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Lying twist", card.QuerySelector("h2 a")!.TextContent);
        Assert.Contains("Lying on the back", card.QuerySelector("p.small")!.TextContent);
        Assert.Equal("Hold 15 s · 9 reps · each side", card.QuerySelector(".dosage")!.TextContent.Trim());
        Assert.Equal(["Lower back", "Hips"], card.QuerySelectorAll("li.badge").Select(b => b.TextContent));
    }

    [Fact]
    public async Task TheCardShowsTheHeldPoseInTheThemesColoursAtTheCatalogsVersion()
    {
        var html = await RenderAsync<ExerciseCard>(new Dictionary<string, object?> { ["Exercise"] = Twist });
        var card = await HtmlPage.ParseAsync(html);

        var image = card.QuerySelector(".exercise-card-figure picture img")!;
        Assert.Equal($"figures/supine-twist/1.svg?v={Catalog.Version}", image.GetAttribute("src"));
        Assert.Equal("Lying twist: Knees left", image.GetAttribute("alt"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.True(int.Parse(image.GetAttribute("width")!) > int.Parse(image.GetAttribute("height")!), "a lying figure is wider than tall");
        var dark = card.QuerySelector(".exercise-card-figure picture source")!;
        Assert.Equal("screen and (prefers-color-scheme: dark)", dark.GetAttribute("media"));
        Assert.Equal($"figures/supine-twist/1.svg?v={Catalog.Version}&theme=dark", dark.GetAttribute("srcset"));
    }

    [Fact]
    public async Task AnExerciseWithoutAFigureGetsACardWithoutOne()
    {
        var html = await RenderAsync<ExerciseCard>(new Dictionary<string, object?> { ["Exercise"] = Twist with { Slug = "undrawn" } });
        var card = await HtmlPage.ParseAsync(html);

        Assert.Null(card.QuerySelector("img"));
        Assert.NotNull(card.QuerySelector("h2 a"));
    }

    [Fact]
    public async Task TheChecklistMarksTheSelectedTermsAndLabelsEveryBox()
    {
        var html = await RenderAsync<TermChecklist<Level>>(new Dictionary<string, object?>
        {
            ["Name"] = "level",
            ["Legend"] = "Level",
            ["Selected"] = new[] { "advanced" },
        });
        var list = await HtmlPage.ParseAsync(html);

        var boxes = list.QuerySelectorAll("input[type=checkbox][name=level]");
        Assert.Equal(["beginner", "intermediate", "advanced"], boxes.Select(b => b.GetAttribute("value")));
        Assert.Equal(["level-advanced"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.Id));
        Assert.All(boxes, b => Assert.NotNull(list.QuerySelector($"label[for='{b.Id}']")));
    }
}
