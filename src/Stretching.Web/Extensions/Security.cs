using Microsoft.AspNetCore.Antiforgery;

namespace Stretching.Web.Extensions;

/// <summary>
/// Security for real deployments (architecture.md, decision 10), composed in one place: the services
/// here, and the middleware hooks the pipeline calls in order (see ApplicationPipeline).
/// </summary>
public static class Security
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.AddCompressionForAnonymousResponses();
        builder.AddReverseProxySupport();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Like the sign-in cookie: Secure whenever the request is HTTPS, directly or as forwarded.
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }
}
