using Microsoft.AspNetCore.Http.HttpResults;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;
using Stretching.Web.Extensions;

namespace Stretching.Web.Apis;

public static class ExercisesApi
{
    public static IEndpointRouteBuilder MapExercisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises").WithTags("Exercises").CacheOutput(OutputCaching.AnonymousPolicy);

        api.MapGet("/", ListExercises)
            .WithName("ListExercises")
            .WithSummary("Lists the catalog, optionally filtered")
            .WithDescription("Lists repeat: region=lumbar&region=hips. equipment is what you have. exclude names health conditions: "
                + "exercises they rule out are left out, and each remaining exercise lists in caution what needs care with them.");

        api.MapGet("/{slug}", GetExercise)
            .WithName("GetExercise")
            .WithSummary("Gets one exercise by its slug")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static Results<Ok<IReadOnlyList<ExerciseMatch>>, ValidationProblem> ListExercises(
        [AsParameters] ExerciseQuery query, CatalogStore catalog)
    {
        var filter = query.ToFilter(out var problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                problems,
                detail: $"Invalid query parameter: {string.Join(", ", problems.Keys)}.",
                title: "The filters are not valid");
        }
        return TypedResults.Ok<IReadOnlyList<ExerciseMatch>>(filter.Apply(catalog.Current.Exercises).ToList());
    }

    private static Results<Ok<Exercise>, ProblemHttpResult> GetExercise(string slug, CatalogStore catalog)
    {
        var exercise = catalog.Current.Exercise(slug);
        return exercise is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Exercise not found",
                detail: $"No exercise has the slug '{VocabularyIds.Clip(slug)}'.")
            : TypedResults.Ok(exercise);
    }
}
