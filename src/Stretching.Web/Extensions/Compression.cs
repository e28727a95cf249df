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
/// Anonymous pages and API reads that the output cache keeps are compressed once, when they are made, and
/// stored compressed (see OutputCaching).
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
        builder.Services.TryAddSingleton<SignInCredentials>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, AnonymousOnlyCompressionProvider>());
        return builder;
    }

    /// <summary>The framework's provider, asked only about requests and responses that carry no credentials.</summary>
    private sealed class AnonymousOnlyCompressionProvider(
        IServiceProvider services,
        IOptions<ResponseCompressionOptions> options,
        SignInCredentials credentials) : IResponseCompressionProvider
    {
        private static readonly PathString[] AccountPaths = ["/Account", "/api/account"];

        private readonly ResponseCompressionProvider _inner = new(services, options);

        /// <summary>Decided when the request arrives, by what the request carries, whether or not it signs anyone in.</summary>
        public bool CheckRequestAcceptsCompression(HttpContext context) =>
            !CarriesCredentials(context.Request) && _inner.CheckRequestAcceptsCompression(context);

        /// <summary>Decided again when the response starts, by who authentication says it is, for any other way in.</summary>
        public bool ShouldCompressResponse(HttpContext context) =>
            context.User.Identity?.IsAuthenticated != true && _inner.ShouldCompressResponse(context);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        private bool CarriesCredentials(HttpRequest request) =>
            credentials.CarriedBy(request) || AccountPaths.Any(path => request.Path.StartsWithSegments(path));
    }
}
