namespace Stretching.Web.Extensions;

/// <summary>
/// The headers every response carries: pages, the API, static files, error pages and 404s alike. They
/// are added when the response starts, so the exception handler and the status-code pages (which
/// clear the response and run the pipeline again) cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only the app's own files: no inline script or style (pages use neither; the player's session is a
    /// JSON data block, which is never executed), images also as data: URLs (Bootstrap draws its form
    /// controls with them), no plugins, no framing, forms posting only back here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'self'; "
        + "object-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// What the app uses, for itself only: the player keeps the screen awake and goes full screen, and
    /// passkeys create and use credentials. Everything else a page could ask for is refused.
    /// </summary>
    public const string PermissionsPolicy =
        "fullscreen=(self), screen-wake-lock=(self), publickey-credentials-create=(self), publickey-credentials-get=(self), "
        + "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), encrypted-media=(), "
        + "geolocation=(), gyroscope=(), hid=(), idle-detection=(), local-fonts=(), magnetometer=(), microphone=(), "
        + "midi=(), otp-credentials=(), payment=(), serial=(), usb=(), window-management=(), xr-spatial-tracking=()";

    /// <summary>Health conditions travel in /build query strings: no other site sees our addresses.</summary>
    public const string ReferrerPolicy = "same-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
