using Stretching.Web.Apis;
using Stretching.Web.Components;
using Stretching.Web.Data;
using Stretching.Web.Figures;
using Stretching.Web.Planning;

namespace Stretching.Web.Extensions;

public static class ApplicationPipeline
{
    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        // The visitor's scheme and address first (behind a proxy), then the headers every response carries
        // (added when it starts, so the error pages, which clear the response, keep them too).
        app.UseReverseProxySupport();
        app.UseSecurityHeaders();
        app.UseHttpLogging();

        // API callers get problem+json for failures and unknown routes; people get the error pages.
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // A request the server cannot read (a body over its size limit, a body that is not the
                // JSON a bound parameter needs) is the caller's mistake: its own 413 or 400, not a 500.
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApiRequest(context), pages =>
        {
            pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        app.UseHttpsWhereServed();

        // Routing runs after the status-code pages so a re-executed request finds the /not-found page.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // The output cache after authentication, so it knows who is signed in, and before compression, so
        // what it keeps is already compressed and is sent as it is (OutputCaching.cs, Compression.cs).
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseCrossSiteRequestCheck();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapExercisesApi();
        app.MapSessionsApi();
        app.MapRoutinesApi();
        app.MapFigures();
        app.MapMeApi();
        app.MapPlanApi();
        app.MapHistoryApi();
        app.MapCalendarFeeds();
        app.MapAccountApi();
        app.MapRazorComponents<App>().CacheAnonymousPages();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }

    private static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
