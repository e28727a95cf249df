using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Accounts;
using Stretching.Web.History;
using Stretching.Web.Library;

namespace Stretching.Web.Apis;

/// <summary>A session to save: a name and either a routine's slug or a builder request.</summary>
public sealed record SaveSessionRequest(string? Name = null, string? Routine = null, SessionInput? Request = null);

/// <summary>
/// A saved session sent back edited: its name and blocks. The other fields of the session shape
/// (id, minutes, totals, warnings...) are the server's; they may be sent, and are ignored.
/// </summary>
public sealed record SavedSessionUpdate
{
    public string? Name { get; init; }
    public IReadOnlyList<SessionBlock>? Blocks { get; init; }
    public string? Id { get; init; }
    public int? Minutes { get; init; }
    public int? TotalSeconds { get; init; }
    public int? Seed { get; init; }
    public IReadOnlyList<ExcludedExercise>? Excluded { get; init; }
    public IReadOnlyList<string>? Warnings { get; init; }
    public string? CatalogVersion { get; init; }
    public DateTime? CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public int? Revision { get; init; }
}

public sealed record FavouriteView(string Slug, DateTime CreatedAt);

/// <summary>
/// A person's own data: saved sessions, profile, favourites. Every route needs a sign-in (cookie or
/// bearer token; 401 problem+json otherwise) and sees only its owner's rows: another person's id is a
/// 404, exactly like an id that does not exist.
/// </summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("My data").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        me.MapGet("/sessions", ListSessionsAsync).WithName("ListSavedSessions").WithSummary("Lists my saved sessions, newest change first");
        me.MapPost("/sessions", SaveSessionAsync).WithName("SaveSession").WithSummary("Saves a routine or a built session under a name")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Accepts<SaveSessionRequest>("application/json");
        me.MapGet("/sessions/{id}", GetSessionAsync).WithName("GetSavedSession").WithSummary("Gets one of my saved sessions, with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPut("/sessions/{id}", UpdateSessionAsync).WithName("UpdateSavedSession")
            .WithSummary("Renames or edits a saved session; send If-Match with its ETag to refuse a stale edit")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .Accepts<SavedSessionUpdate>("application/json");
        me.MapDelete("/sessions/{id}", DeleteSessionAsync).WithName("DeleteSavedSession").WithSummary("Deletes one of my saved sessions")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapGet("/profile", GetProfileAsync).WithName("GetProfile").WithSummary("Gets my builder defaults and health conditions");
        me.MapPut("/profile", SaveProfileAsync).WithName("SaveProfile")
            .WithSummary("Saves my builder defaults; health conditions need healthConsent: true")
            .Accepts<ProfileInput>("application/json");

        me.MapGet("/favourites", ListFavouritesAsync).WithName("ListFavourites").WithSummary("Lists my favourite exercises");
        me.MapGet("/favourites/{slug}", GetFavouriteAsync).WithName("GetFavourite").WithSummary("Tells whether an exercise is one of my favourites")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPut("/favourites/{slug}", AddFavouriteAsync).WithName("AddFavourite").WithSummary("Marks an exercise as a favourite")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapDelete("/favourites/{slug}", RemoveFavouriteAsync).WithName("RemoveFavourite").WithSummary("Unmarks a favourite")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SavedSessionSummary>>> ListSessionsAsync(ClaimsPrincipal user, SessionLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.ListAsync(user.OwnerId(), cancellationToken));

    private static async Task<Results<Created<SavedSessionView>, ValidationProblem, ProblemHttpResult>> SaveSessionAsync(
        HttpRequest http, ClaimsPrincipal user, SessionLibrary library, Progress progress, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SaveSessionRequest>(http, cancellationToken);
        if (problem is not null) return problem;
        var owner = user.OwnerId();
        return await library.CreateAsync(owner, body!.Name, new SessionSource(body.Routine, body.Request), await progress.PersonaliseAsync(owner, cancellationToken), cancellationToken) switch
        {
            LibraryResult.Saved saved => TypedResults.Created($"/api/me/sessions/{saved.Session.Id}", SavedSessionView.From(saved.Session)),
            LibraryResult.Invalid invalid => JsonBody.Invalid(invalid.Problems),
            LibraryResult.Refused refused => SessionsApi.Refused(refused.Refusal),
            _ => throw new UnreachableException(),
        };
    }

    private static async Task<Results<Ok<SavedSessionView>, ProblemHttpResult>> GetSessionAsync(
        string id, HttpResponse response, ClaimsPrincipal user, SessionLibrary library, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(user.OwnerId(), id, cancellationToken) is not { } row) return NoSession(id);
        response.Headers.ETag = ETag(row.Revision);
        return TypedResults.Ok(SavedSessionView.From(row));
    }

    private static async Task<Results<Ok<SavedSessionView>, ValidationProblem, ProblemHttpResult>> UpdateSessionAsync(
        string id, HttpRequest http, ClaimsPrincipal user, SessionLibrary library, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SavedSessionUpdate>(http, cancellationToken);
        if (problem is not null) return problem;
        int? expected = null;
        if (http.Headers.IfMatch.Count > 0)
        {
            if (!TryParseETag(http.Headers.IfMatch.ToString(), out var revision)) return JsonBody.Invalid("If-Match", "Send the ETag a GET of this session returned.");
            expected = revision;
        }

        var result = body!.Blocks is { } blocks
            ? await library.EditAsync(user.OwnerId(), id, entries =>
            {
                entries.Clear();
                entries.AddRange(SessionEditor.Entries(new Session(0, 0, null, blocks, [], [])));
                return null;
            }, expected, body.Name, cancellationToken)
            : await library.RenameAsync(user.OwnerId(), id, body.Name, expected, cancellationToken);
        switch (result)
        {
            case LibraryResult.Saved saved:
                http.HttpContext.Response.Headers.ETag = ETag(saved.Session.Revision);
                return TypedResults.Ok(SavedSessionView.From(saved.Session));
            case LibraryResult.Invalid invalid:
                return JsonBody.Invalid(invalid.Problems);
            case LibraryResult.NotFound:
                return NoSession(id);
            case LibraryResult.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed since you loaded it",
                    detail: "This session was changed after the copy you edited. Load it again, then make your change.");
            default:
                throw new UnreachableException();
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSessionAsync(
        string id, ClaimsPrincipal user, SessionLibrary library, CancellationToken cancellationToken) =>
        await library.DeleteAsync(user.OwnerId(), id, cancellationToken) ? TypedResults.NoContent() : NoSession(id);

    private static async Task<Ok<ProfileView>> GetProfileAsync(ClaimsPrincipal user, Profiles profiles, CancellationToken cancellationToken) =>
        TypedResults.Ok(await profiles.GetAsync(user.OwnerId(), cancellationToken));

    private static async Task<Results<Ok<ProfileView>, ValidationProblem>> SaveProfileAsync(
        HttpRequest http, ClaimsPrincipal user, Profiles profiles, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ProfileInput>(http, cancellationToken);
        if (problem is not null) return problem;
        var (profile, problems) = await profiles.SaveAsync(user.OwnerId(), body!, cancellationToken);
        return profile is null ? JsonBody.Invalid(problems) : TypedResults.Ok(profile);
    }

    private static async Task<Ok<IReadOnlyList<FavouriteView>>> ListFavouritesAsync(ClaimsPrincipal user, Profiles profiles, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<FavouriteView>>((await profiles.FavouritesAsync(user.OwnerId(), cancellationToken)).Select(f => new FavouriteView(f.Slug, f.CreatedAt)).ToList());

    private static async Task<Results<Ok<FavouriteView>, ProblemHttpResult>> GetFavouriteAsync(
        string slug, ClaimsPrincipal user, Profiles profiles, CancellationToken cancellationToken) =>
        await profiles.FavouriteAsync(user.OwnerId(), slug, cancellationToken) is { } favourite
            ? TypedResults.Ok(new FavouriteView(favourite.Slug, favourite.CreatedAt))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a favourite",
                detail: $"'{VocabularyIds.Clip(slug)}' is not one of your favourites.");

    private static async Task<Results<Created<FavouriteView>, Ok<FavouriteView>, ProblemHttpResult>> AddFavouriteAsync(
        string slug, ClaimsPrincipal user, Profiles profiles, CancellationToken cancellationToken)
    {
        var (favourite, created) = await profiles.AddFavouriteAsync(user.OwnerId(), slug, cancellationToken);
        if (favourite is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Exercise not found",
                detail: $"No exercise has the slug '{VocabularyIds.Clip(slug)}'.");
        }
        var view = new FavouriteView(favourite.Slug, favourite.CreatedAt);
        return created ? TypedResults.Created($"/api/me/favourites/{slug}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFavouriteAsync(
        string slug, ClaimsPrincipal user, Profiles profiles, CancellationToken cancellationToken) =>
        await profiles.RemoveFavouriteAsync(user.OwnerId(), slug, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a favourite",
                detail: $"'{VocabularyIds.Clip(slug)}' is not one of your favourites.");

    private static ProblemHttpResult NoSession(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Saved session not found",
        detail: $"You have no saved session '{VocabularyIds.Clip(id)}'.");

    private static string ETag(int revision) => $"\"{revision}\"";

    private static bool TryParseETag(string value, out int revision) =>
        int.TryParse(value.Trim().TrimStart('W', '/').Trim('"'), out revision);
}
