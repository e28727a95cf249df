using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;

namespace Stretching.Web.Apis;

/// <summary>
/// The 422 answer of POST /api/sessions/build as the OpenAPI document describes it: problem details
/// that carry the refusal's kind, reasons and advice. The handler writes a ProblemDetails with these
/// as extensions; this type gives the document and generated clients their names and types, and
/// tests/Stretching.Web.Tests/Apis/OpenApiContractTests checks real refusals against it.
/// </summary>
public sealed record SafetyRefusalProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    RefusalKind Kind,
    IReadOnlyList<string> Reasons,
    string Advice)
{
    /// <summary>What else problem details carry, such as traceId.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; init; }
}

public static class SessionsApi
{
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions/build", BuildAsync)
            .WithTags("Sessions")
            .WithName("BuildSession")
            .WithSummary("Builds a session: warm-up, main set with child's-pose rests, cool-down")
            .WithDescription("400 names the invalid field; 422 explains a safety refusal (a warning sign, a condition that needs a doctor first, or an infection) and what to do instead; its `kind` is emergency, see-doctor or postpone.")
            // Content-type checks stay in the handler so a wrong one is a 400 naming "body", not a bare 415.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(SessionInput), null, cancellationToken) },
                    },
                };
            })
            .Produces<Session>()
            .ProducesValidationProblem()
            .Produces<SafetyRefusalProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<Results<Ok<Session>, ValidationProblem, ProblemHttpResult>> BuildAsync(
        HttpRequest http, CatalogStore catalog, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return Invalid("body", "Send the request as JSON with the Content-Type application/json.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Invalid("body", "The body is not valid JSON.");
        }

        SessionInput input;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Invalid("body", "The body must be a JSON object.");
            try
            {
                input = document.RootElement.Deserialize<SessionInput>(json.Value.SerializerOptions)!;
            }
            catch (JsonException ex)
            {
                var field = FieldName(ex.Path);
                return Invalid(field, $"'{field}' has the wrong type or is not a known field.");
            }
        }

        return catalog.Current.Builder.Build(input) switch
        {
            SessionResult.Built built => TypedResults.Ok(built.Session),
            SessionResult.Refused refused => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: refused.Refusal.Title,
                detail: string.Join(" ", refused.Refusal.Reasons.Append(refused.Refusal.Advice)),
                extensions: new Dictionary<string, object?>
                {
                    ["kind"] = Vocabulary.Id(refused.Refusal.Kind),
                    ["reasons"] = refused.Refusal.Reasons,
                    ["advice"] = refused.Refusal.Advice,
                }),
            SessionResult.Invalid invalid => TypedResults.ValidationProblem(
                invalid.Problems, detail: $"Invalid field: {string.Join(", ", invalid.Problems.Keys)}.", title: "The request is not valid"),
            _ => throw new UnreachableException(),
        };
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"Invalid field: {field}.",
            title: "The request is not valid");

    /// <summary>"$.focus[2]" becomes "focus"; a broken document as a whole is "body".</summary>
    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var name = path.TrimStart('$', '.');
        var end = name.IndexOfAny(['.', '[']);
        return end > 0 ? name[..end] : name.Length > 0 ? name : "body";
    }
}
