using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Stretching.Core.Catalog;
using Stretching.Web.Accounts;
using Stretching.Web.History;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Stretching.Web.Apis;

/// <summary>The result of an import: how many records came in and how many were already there.</summary>
public sealed record ImportResult(int Imported, int Skipped);

/// <summary>
/// A person's played sessions under /api/me/history: the player sends each record with an id it
/// made (201 the first time, 200 with the stored record when the same body comes again, 409 when
/// the id arrives with other content); read, delete, export and import with the library's rules.
/// </summary>
public static class HistoryApi
{
    /// <summary>A record is small; an export of years of them is not, and has a limit of its own.</summary>
    public const long MaxRecordBytes = 256 * 1024;
    public const long MaxImportBytes = 16 * 1024 * 1024;

    /// <summary>Sent by the player's outbox with each record: the owner hint of the page that made it (People.OwnerHint).</summary>
    public const string OwnerHintHeader = "X-Owner-Hint";

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup("/api/me").WithTags("My history").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        history.MapPost("/history", AddAsync).WithName("AddRecord")
            .WithSummary("Keeps a played session; sending the same record again stores nothing twice")
            .Accepts<RecordShape>("application/json").ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRecordBytes));
        history.MapGet("/history", ListAsync).WithName("ListRecords").WithSummary("Lists my played sessions, newest first (from and to: YYYY-MM-DD, my own dates)");
        history.MapGet("/history/{id}", GetAsync).WithName("GetRecord").WithSummary("Gets one played session, with the session it played")
            .ProducesProblem(StatusCodes.Status404NotFound);
        history.MapDelete("/history/{id}", DeleteAsync).WithName("DeleteRecord").WithSummary("Deletes one played session")
            .ProducesProblem(StatusCodes.Status404NotFound);
        history.MapGet("/history.csv", CsvAsync).WithName("ExportRecordsCsv").WithSummary("My history as CSV, one line a session")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        history.MapGet("/history.json", ExportAsync).WithName("ExportRecordsJson").WithSummary("My history as JSON, the file the import takes");
        history.MapPost("/history/import", ImportAsync).WithName("ImportRecords")
            .WithSummary("Imports an exported file, all or nothing; records already here are skipped")
            .Accepts<HistoryFile>("application/json").WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        history.MapGet("/progress", ProgressAsync).WithName("GetProgress").Produces<ProgressShape>()
            .WithSummary("Consistency per week, the pain trend, each exercise's history and the next sessions' changes (from, to: YYYY-MM-DD; the last twelve weeks by default)");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ProgressAsync(
        string? from, string? to, ClaimsPrincipal user, ProgressReports reports, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        DateOnly? start = null, end = null;
        if (from is not null)
        {
            if (!TryDate(from, out var parsed)) return JsonBody.Invalid("from", "Give the first day as YYYY-MM-DD.");
            start = parsed;
        }
        if (to is not null)
        {
            if (!TryDate(to, out var parsed)) return JsonBody.Invalid("to", "Give the last day as YYYY-MM-DD.");
            end = parsed.AddDays(1);
        }
        if (start > end) return JsonBody.Invalid("to", "The last day comes before the first.");
        var report = await reports.ForAsync(user.OwnerId(), start, end, cancellationToken);
        return TypedResults.Bytes(report.Json(json.Value.SerializerOptions), "application/json; charset=utf-8");
    }

    private static async Task<Results<Created<RecordView>, Ok<RecordView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        HttpRequest http, ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken)
    {
        // A record the player made for someone else (the owner hint it carries is not this person's) is
        // refused, not filed here: the browser keeps it until its own person signs in again.
        if (http.Headers[OwnerHintHeader] is [{ } hint] && hint != user.OwnerHint())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This session belongs to another account",
                detail: "It was played while someone else was signed in on this device; it waits for them.");
        }
        var (body, problem) = await JsonBody.ReadAsync<RecordShape>(http, cancellationToken);
        if (problem is not null) return problem;
        return await store.AddAsync(user.OwnerId(), body!, cancellationToken) switch
        {
            AddResult.Created created => TypedResults.Created($"/api/me/history/{created.Record.Id}", created.Record),
            AddResult.Replayed replayed => TypedResults.Ok(replayed.Record),
            AddResult.Invalid invalid => JsonBody.Invalid(invalid.Problems),
            AddResult.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This record id is taken",
                detail: $"A different record with the id {conflict.Id} is already kept. A new session needs a new id."),
            _ => throw new UnreachableException(),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<RecordSummary>>, ValidationProblem>> ListAsync(
        string? from, string? to, ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken)
    {
        DateOnly? start = null, end = null;
        if (from is not null)
        {
            if (!TryDate(from, out var parsed)) return JsonBody.Invalid("from", "Give the first day as YYYY-MM-DD.");
            start = parsed;
        }
        if (to is not null)
        {
            if (!TryDate(to, out var parsed)) return JsonBody.Invalid("to", "Give the last day as YYYY-MM-DD.");
            end = parsed;
        }
        return TypedResults.Ok(await store.ListAsync(user.OwnerId(), start, end, cancellationToken));
    }

    private static async Task<Results<Ok<RecordView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(user.OwnerId(), id, cancellationToken) is { } record ? TypedResults.Ok(record) : NoRecord(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(user.OwnerId(), id, cancellationToken) ? TypedResults.NoContent() : NoRecord(id);

    private static async Task<FileContentHttpResult> CsvAsync(ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken)
    {
        var records = await store.RecordsAsync(user.OwnerId(), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(HistoryCsv.Write(records)), "text/csv; charset=utf-8", "stretching-history.csv");
    }

    private static async Task<Ok<HistoryFile>> ExportAsync(HttpContext http, ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentDisposition = "attachment; filename=stretching-history.json";
        return TypedResults.Ok(await store.ExportAsync(user.OwnerId(), cancellationToken));
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportAsync(HttpRequest http, ClaimsPrincipal user, HistoryStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<HistoryFile>(http, cancellationToken);
        if (problem is not null) return problem;
        var (imported, skipped, problems) = await store.ImportAsync(user.OwnerId(), body, cancellationToken);
        return problems.Count > 0 ? JsonBody.Invalid(problems) : TypedResults.Ok(new ImportResult(imported, skipped));
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ProblemHttpResult NoRecord(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such record",
        detail: $"There is no session {VocabularyIds.Clip(id)} in your history.");
}

