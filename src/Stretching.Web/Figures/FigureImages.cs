using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Stretching.Core.Catalog;
using Stretching.Core.Figures;

namespace Stretching.Web.Figures;

/// <summary>One key pose of an exercise drawn as an SVG file, with the entity tag of its bytes.</summary>
public sealed record FigureFile(byte[] Svg, string ETag);

/// <summary>
/// The figures as images and as the player's frames: their addresses, their sizes, their SVG files and
/// their motion, worked out once per catalog snapshot and kept until the catalog changes. An image cannot take the page's text colour, so each
/// pose is drawn in the brand colour of each theme, and pages pick one with a media query.
/// </summary>
public sealed class FigureImages(Func<CatalogSnapshot> catalog)
{
    /// <summary>The figure's colour on a light page (--st-teal-700) and on a dark one (--st-teal-300).</summary>
    public const string LightColour = "#1f5a4e";
    public const string DarkColour = "#85d0bd";

    private Cache _cache = new(null, new(), new(), new());

    private sealed record Cache(
        CatalogSnapshot? Snapshot,
        ConcurrentDictionary<(string Slug, int Pose, bool Dark), FigureFile> Files,
        ConcurrentDictionary<string, ViewBox> Frames,
        ConcurrentDictionary<string, FigureMotion> Motions);

    public CatalogSnapshot Catalog => catalog();

    /// <summary>The address of a pose's image, versioned by the catalog so a changed figure is fetched again.</summary>
    public string Url(string slug, int pose, bool dark = false) =>
        $"figures/{Uri.EscapeDataString(slug)}/{pose}.svg?v={Catalog.Version}{(dark ? "&theme=dark" : "")}";

    /// <summary>What a pose shows, for its title and its alternative text: "Cat-cow: Cat".</summary>
    public string Title(string slug, int pose)
    {
        var name = Catalog.Exercise(slug)?.Name ?? slug;
        return Catalog.Figure(slug) is { } figure && pose < figure.Poses.Count ? $"{name}: {figure.Poses[pose].Label}" : name;
    }

    /// <summary>The frame every pose of a figure is drawn in, or null when the exercise has no figure.</summary>
    public ViewBox? Frame(string slug)
    {
        var cache = Current();
        if (cache.Frames.TryGetValue(slug, out var frame)) return frame;
        if (Catalog.Figure(slug) is not { } figure) return null;
        return cache.Frames.GetOrAdd(slug, FigureRenderer.Frame(FigureRenderer.Bodies(figure)));
    }

    /// <summary>The figure as the player moves it, or null when the exercise has no figure.</summary>
    public FigureMotion? Motion(string slug)
    {
        var cache = Current();
        if (cache.Motions.TryGetValue(slug, out var motion)) return motion;
        if (cache.Snapshot!.Figure(slug) is not { } figure) return null;
        return cache.Motions.GetOrAdd(slug, FigureMotion.Of(figure));
    }

    /// <summary>A pose's image, or null when there is no such exercise or pose.</summary>
    public FigureFile? File(string slug, int pose, bool dark)
    {
        var cache = Current();
        if (cache.Files.TryGetValue((slug, pose, dark), out var file)) return file;
        if (cache.Snapshot!.Figure(slug) is not { } figure || pose < 0 || pose >= figure.Poses.Count) return null;
        var svg = Encoding.UTF8.GetBytes(FigureRenderer.Svg(figure, pose, Title(slug, pose), color: dark ? DarkColour : LightColour));
        var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(svg))[..16]}\"";
        return cache.Files.GetOrAdd((slug, pose, dark), new FigureFile(svg, tag));
    }

    private Cache Current()
    {
        var snapshot = catalog();
        var cache = Volatile.Read(ref _cache);
        if (ReferenceEquals(cache.Snapshot, snapshot)) return cache;
        var fresh = new Cache(snapshot, new(), new(), new());
        Interlocked.CompareExchange(ref _cache, fresh, cache);
        return Volatile.Read(ref _cache);
    }
}
