using Microsoft.AspNetCore.Http.HttpResults;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Infrastructure;
using Stretching.Web.Sessions;

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
        var api = app.MapGroup("/api/routines").WithTags("Routines");
        api.MapGet("/", ListAsync).WithName("ListRoutines").WithSummary("Lists the articles' own routines as sessions");
        api.MapGet("/{slug}", GetAsync).WithName("GetRoutine").WithSummary("Gets one routine as a session");
        return app;
    }

    private static async Task<Ok<List<RoutineSession>>> ListAsync(SessionService sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sessions.RoutinesAsync(cancellationToken)).Select(RoutineSession.From).ToList());

    private static async Task<Results<Ok<RoutineSession>, ProblemHttpResult>> GetAsync(
        string slug, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.RoutineAsync(slug, cancellationToken) is { } playable
            ? TypedResults.Ok(RoutineSession.From(playable))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Routine not found",
                detail: $"No routine has the slug '{EchoText.Clip(slug)}'.");
}
