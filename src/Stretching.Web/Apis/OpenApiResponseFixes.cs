using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Stretching.Web.Accounts;

namespace Stretching.Web.Apis;

/// <summary>
/// Lists in /openapi/v1.json the answers the pipeline gives around the handlers, which no handler's
/// return type shows: 401 where an endpoint requires a signed-in account, 400 and 415 where the
/// framework reads a JSON body, 413 where a body has a size limit, 429 where the account rate limit
/// counts. Every error answer under /api is problem+json, since UseStatusCodePages writes one for
/// any error without a body (see ApplicationPipeline), so an error documented without content gets it.
/// </summary>
public sealed class OpenApiResponseFixes : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var added = new List<int>();

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any()) added.Add(StatusCodes.Status401Unauthorized);
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            added.Add(StatusCodes.Status400BadRequest);
            added.Add(StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<IRequestSizeLimitMetadata>().Any(limit => limit.MaxRequestBodySize is not null)) added.Add(StatusCodes.Status413PayloadTooLarge);
        if (description.HttpMethod is { } method && AccountServices.IsRateLimited(method, "/" + description.RelativePath)) added.Add(StatusCodes.Status429TooManyRequests);

        operation.Responses ??= [];
        foreach (var status in added)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) });
        }

        IOpenApiSchema? problem = null;
        foreach (var (status, response) in operation.Responses)
        {
            if (!int.TryParse(status, out var code) || code < 400 || response is not OpenApiResponse { Content: null or { Count: 0 } } bare) continue;
            problem ??= await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            bare.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } };
        }

        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered) operation.Responses.Add(status, response);
    }
}
