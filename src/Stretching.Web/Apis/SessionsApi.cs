using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Extensions;

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
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .CacheOutput(OutputCaching.SeededBuildPolicy);
        return app;
    }

    private static async Task<Results<Ok<Session>, ValidationProblem, ProblemHttpResult>> BuildAsync(
        HttpRequest http, CatalogStore catalog, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<SessionInput>(http, cancellationToken);
        if (problem is not null) return problem;

        return catalog.Current.Builder.Build(input!) switch
        {
            SessionResult.Built built => TypedResults.Ok(built.Session),
            SessionResult.Refused refused => Refused(refused.Refusal),
            SessionResult.Invalid invalid => JsonBody.Invalid(invalid.Problems),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>A safety refusal as problem+json: its kind (emergency, see-doctor, postpone), reasons and advice.</summary>
    public static ProblemHttpResult Refused(Refusal refusal) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: refusal.Title,
        detail: string.Join(" ", refusal.Reasons.Append(refusal.Advice)),
        extensions: new Dictionary<string, object?>
        {
            ["kind"] = Vocabulary.Id(refusal.Kind),
            ["reasons"] = refusal.Reasons,
            ["advice"] = refusal.Advice,
        });
}
