using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Stretching.Core.Catalog;
using Stretching.Web.Extensions;

namespace Stretching.Web.Figures;

/// <summary>
/// The figures as static-cacheable images: <c>/figures/{slug}.svg</c> is the first key pose and
/// <c>/figures/{slug}/{pose}.svg</c> any of them; <c>?theme=dark</c> draws it for a dark page. An
/// address versioned with the current catalog (<c>?v=</c>) never changes and is cached for a year;
/// any other is revalidated with its entity tag, which answers 304 while the drawing is the same.
/// </summary>
public static class FigureEndpoints
{
    public const string ImmutableCaching = "public, max-age=31536000, immutable";
    public const string Revalidate = "public, no-cache";

    public static IEndpointRouteBuilder MapFigures(this IEndpointRouteBuilder app)
    {
        var figures = app.MapGroup("/figures").ExcludeFromDescription().CacheOutput(OutputCaching.AnonymousPolicy);
        figures.MapGet("/{slug}.svg", (string slug, string? theme, string? v, HttpContext context, FigureImages images) =>
            Serve(slug, 0, theme, v, context, images));
        figures.MapGet("/{slug}/{pose:int}.svg", (string slug, int pose, string? theme, string? v, HttpContext context, FigureImages images) =>
            Serve(slug, pose, theme, v, context, images));
        return app;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Serve(
        string slug, int pose, string? theme, string? version, HttpContext context, FigureImages images)
    {
        if (theme is not (null or "light" or "dark"))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown theme",
                detail: $"theme is 'light' or 'dark', not '{VocabularyIds.Clip(theme)}'.");
        }
        if (images.File(slug, pose, theme == "dark") is not { } file)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Figure not found",
                detail: images.Catalog.Figure(slug) is null
                    ? $"No exercise has the slug '{VocabularyIds.Clip(slug)}'."
                    : $"'{VocabularyIds.Clip(slug)}' has no key pose {pose}.");
        }
        context.Response.Headers.CacheControl = version == images.Catalog.Version ? ImmutableCaching : Revalidate;
        return TypedResults.Bytes(file.Svg, "image/svg+xml", entityTag: new EntityTagHeaderValue(file.ETag));
    }
}
