using Microsoft.AspNetCore.Http.HttpResults;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Extensions;

namespace Stretching.Web.Apis;

/// <summary>A library routine as a playable session, with the routine's own description alongside.</summary>
public sealed record RoutineSession(
    string Slug,
    string Name,
    IReadOnlyList<string> Aliases,
    string Summary,
    Level Level,
    IReadOnlyList<DayType> Days,
    IReadOnlyList<SourceReference> Sources,
    int Minutes,
    int TotalSeconds,
    int? Seed,
    IReadOnlyList<SessionBlock> Blocks,
    IReadOnlyList<ExcludedExercise> Excluded,
    IReadOnlyList<string> Warnings)
{
    public static RoutineSession From(PlayableRoutine playable)
    {
        var (routine, session) = playable;
        return new(routine.Slug, routine.Name, routine.Aliases, routine.Summary, routine.Level, routine.Days, routine.Sources,
            session.Minutes, session.TotalSeconds, session.Seed, session.Blocks, session.Excluded, session.Warnings);
    }
}

public static class RoutinesApi
{
    public static IEndpointRouteBuilder MapRoutinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/routines").WithTags("Routines").CacheOutput(OutputCaching.AnonymousPolicy);
        api.MapGet("/", List).WithName("ListRoutines").WithSummary("Lists the articles' own routines as sessions");
        api.MapGet("/{slug}", Get).WithName("GetRoutine").WithSummary("Gets one routine as a session")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<List<RoutineSession>> List(CatalogStore catalog) =>
        TypedResults.Ok(catalog.Current.Routines.Select(RoutineSession.From).ToList());

    private static Results<Ok<RoutineSession>, ProblemHttpResult> Get(string slug, CatalogStore catalog) =>
        catalog.Current.Routine(slug) is { } playable
            ? TypedResults.Ok(RoutineSession.From(playable))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Routine not found",
                detail: $"No routine has the slug '{VocabularyIds.Clip(slug)}'.");
}
