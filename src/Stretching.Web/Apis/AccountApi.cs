using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Stretching.Web.Data;

namespace Stretching.Web.Apis;

/// <summary>
/// ASP.NET Core Identity's API endpoints under /api/account, with the answers Identity gives but its
/// endpoints do not declare added to the OpenAPI document (OpenApiResponseFixes adds what the
/// pipeline gives: 401 for manage/*, 400 and 415 for bodies, 429 for the rate-limited ones).
/// </summary>
public static class AccountApi
{
    private static readonly ProducesResponseTypeMetadata Unauthorized =
        new(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]);

    /// <summary>By route: what Identity answers that its return types leave out.</summary>
    private static readonly Dictionary<string, ProducesResponseTypeMetadata[]> Undeclared = new(StringComparer.OrdinalIgnoreCase)
    {
        // Wrong password, locked out, not confirmed: a 401 problem whose detail says which.
        ["/api/account/login"] = [Unauthorized],
        // An unknown or expired refresh token is challenged.
        ["/api/account/refresh"] = [Unauthorized],
        // The link's answer is a short text; a wrong user or code is a 401.
        ["/api/account/confirmEmail"] = [new(StatusCodes.Status200OK, typeof(string), ["text/plain"]), Unauthorized],
    };

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup("/api/account").WithTags("Account").MapIdentityApi<ApplicationUser>();
        identity.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && Undeclared.TryGetValue(route, out var responses))
            {
                foreach (var response in responses) endpoint.Metadata.Add(response);
            }
        });
        identity.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var route = $"{context.Description.HttpMethod} /{context.Description.RelativePath}";
            if (route == "POST /api/account/login" && operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
            {
                ok.Description = "Signed in. The body carries a bearer token, unless useCookies or useSessionCookies is set: "
                    + "then the body is empty and the answer sets the sign-in cookie.";
            }
            // Reading the profile declares ValidationProblem in its return type but never returns one.
            if (route == "GET /api/account/manage/info") operation.Responses?.Remove("400");
            return Task.CompletedTask;
        });
        return app;
    }
}
