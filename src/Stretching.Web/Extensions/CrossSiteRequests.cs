namespace Stretching.Web.Extensions;

/// <summary>
/// Cross-site request forgery on the JSON APIs that change a person's data. Those APIs take only
/// application/json bodies, which a form on another site cannot send, and the sign-in cookie is
/// SameSite=Lax; this check is the third wall: a POST, PUT, PATCH or DELETE under these paths that
/// carries a cookie is refused (403 problem+json) when the browser says it comes from another site,
/// by Sec-Fetch-Site (cross-site, or same-site: a sibling subdomain is still someone else's page) or by
/// an Origin whose host is not this one. Requests with a bearer token carry no ambient credential
/// (a browser never adds that header by itself), so scripts are not affected.
/// </summary>
public static class CrossSiteRequests
{
    public static readonly PathString[] ProtectedPaths = ["/api/me", "/api/account/manage"];

    public static IApplicationBuilder UseCrossSiteRequestCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsRefused(context.Request))
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossSiteRequests))
                    .LogWarning("Refused a cross-site {Method} {Path} (Origin {Origin}, Sec-Fetch-Site {FetchSite})",
                        context.Request.Method, context.Request.Path, context.Request.Headers.Origin.ToString(), context.Request.Headers["Sec-Fetch-Site"].ToString());
                await Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Refused: the request came from another site",
                        detail: "Changes to your data are accepted from this site's own pages, or from scripts that sign in for a bearer token.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool IsRefused(HttpRequest request) =>
        ChangesState(request.Method)
        && ProtectedPaths.Any(path => request.Path.StartsWithSegments(path))
        && request.Headers.Cookie.Count > 0
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && ComesFromAnotherSite(request);

    private static bool ChangesState(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>
    /// The Origin is compared by host and port only: behind a proxy that terminates TLS without saying so,
    /// the app sees http while the browser says https, and that must not lock people out.
    /// </summary>
    private static bool ComesFromAnotherSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return true;
        }
        var origin = request.Headers.Origin;
        if (origin.Count == 0)
        {
            return false;
        }
        return origin.Count > 1
            || !Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
