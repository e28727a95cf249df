using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Stretching.Web.Extensions;

/// <summary>
/// Compression without BREACH. A compressed response's length leaks how well attacker-chosen text (a
/// search, a query string echoed in the page) matches a secret in the same response. Anonymous pages and
/// the public API hold no secret and stay compressed. A signed-in person's responses carry their data,
/// their email address and antiforgery tokens bound to them, so they are never compressed; neither are
/// the account pages and the account API, whose forms and answers carry tokens even before sign-in.
/// Static files go out precompressed by MapStaticAssets: they are the same for everyone and hold no secret.
/// </summary>
public static class Compression
{
    public static WebApplicationBuilder AddCompressionForAnonymousResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "application/json", "application/problem+json", "image/svg+xml"];
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, AnonymousOnlyCompressionProvider>());
        return builder;
    }

    /// <summary>The framework's provider, asked only about requests and responses that carry no credentials.</summary>
    private sealed class AnonymousOnlyCompressionProvider(
        IServiceProvider services,
        IOptions<ResponseCompressionOptions> options,
        IOptionsMonitor<CookieAuthenticationOptions> cookies) : IResponseCompressionProvider
    {
        private static readonly PathString[] AccountPaths = ["/Account", "/api/account"];

        private readonly ResponseCompressionProvider _inner = new(services, options);
        private readonly string _signInCookie = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? ".AspNetCore.Identity.Application";

        /// <summary>Decided when the request arrives, before authentication has run: by what the request carries.</summary>
        public bool CheckRequestAcceptsCompression(HttpContext context) =>
            !CarriesCredentials(context.Request) && _inner.CheckRequestAcceptsCompression(context);

        /// <summary>Decided again when the response starts, once authentication has run, for any other way in.</summary>
        public bool ShouldCompressResponse(HttpContext context) =>
            context.User.Identity?.IsAuthenticated != true && _inner.ShouldCompressResponse(context);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        private bool CarriesCredentials(HttpRequest request) =>
            request.Headers.Authorization.Count > 0
            || request.Cookies.ContainsKey(_signInCookie)
            || AccountPaths.Any(path => request.Path.StartsWithSegments(path));
    }
}
