using Microsoft.AspNetCore.Http.HttpResults;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;
using Stretching.Web.Infrastructure;

namespace Stretching.Web.Apis;

public static class ExercisesApi
{
    public static IEndpointRouteBuilder MapExercisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises").WithTags("Exercises");

        api.MapGet("/", ListExercisesAsync)
            .WithName("ListExercises")
            .WithSummary("Lists the catalog, optionally filtered")
            .WithDescription("Lists repeat: region=lumbar&region=hips. equipment is what you have. exclude names health conditions: "
                + "exercises they rule out are left out, and each remaining exercise lists in caution what needs care with them.");

        api.MapGet("/{slug}", GetExerciseAsync)
            .WithName("GetExercise")
            .WithSummary("Gets one exercise by its slug");

        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExerciseMatch>>, ValidationProblem>> ListExercisesAsync(
        [AsParameters] ExerciseQuery query, ExerciseCatalog catalog, CancellationToken cancellationToken)
    {
        var filter = query.ToFilter(out var problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                problems,
                detail: $"Invalid query parameter: {string.Join(", ", problems.Keys)}.",
                title: "The filters are not valid");
        }
        var exercises = await catalog.GetAllAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ExerciseMatch>>(filter.Apply(exercises).ToList());
    }

    private static async Task<Results<Ok<Exercise>, ProblemHttpResult>> GetExerciseAsync(
        string slug, ExerciseCatalog catalog, CancellationToken cancellationToken)
    {
        var exercise = await catalog.FindAsync(slug, cancellationToken);
        return exercise is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Exercise not found",
                detail: $"No exercise has the slug '{EchoText.Clip(slug)}'.")
            : TypedResults.Ok(exercise);
    }
}
