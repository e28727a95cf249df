using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Stretching.Web.Catalog;

namespace Stretching.Web.Extensions;

/// <summary>
/// What every anonymous visitor is sent alike is made once: the catalog pages, the exercise pages, the
/// routines, the safety pages, a built session with its seed, the player for a routine or a seeded
/// session, the figures, the catalog API and a session built by the API with its seed. They are rendered from the in-memory catalog, compressed,
/// and kept compressed in the output cache (one entry per Accept-Encoding), tagged with the catalog and
/// keyed by its version, so a new catalog is never served from an old page: the swap evicts the tag
/// (CatalogStore), and a page still being rendered from the old snapshot lands under the old key.
/// <para>
/// A signed-in person is never served from the cache and never stored in it: the layout shows their
/// header and the pages their data. Any request carrying the sign-in cookie or an Authorization header
/// passes by the cache entirely, whether or not the credential is valid. A response that sets a cookie
/// (an antiforgery token), says no-store or private, or is anything but a 200 is not kept.
/// </para>
/// </summary>
public static class OutputCaching
{
    public const string AnonymousPolicy = "anonymous-catalog";
    public const string SeededBuildPolicy = "seeded-build";

    /// <summary>Pages by route: those that are the same for every anonymous visitor, with the condition on the query where one applies.</summary>
    private static readonly Dictionary<string, IOutputCachePolicy> AnonymousPages = new(StringComparer.Ordinal)
    {
        ["/"] = new AnonymousCatalogPolicy(),
        ["/exercises"] = new AnonymousCatalogPolicy(),
        ["/exercises/{Slug}"] = new AnonymousCatalogPolicy(),
        ["/routines"] = new AnonymousCatalogPolicy(),
        ["/routines/{Slug}"] = new AnonymousCatalogPolicy(),
        ["/safety"] = new AnonymousCatalogPolicy(),
        ["/safety/conditions"] = new AnonymousCatalogPolicy(),
        // Without a seed the builder draws a new session each time: only the empty form and a seeded session are kept.
        ["/build"] = new AnonymousCatalogPolicy(query => query.Count == 0 || query.ContainsKey("seed")),
        // A saved session or a planned occurrence is a person's own; a builder request without a seed is redirected to one with it.
        ["/play"] = new AnonymousCatalogPolicy(query => !query.ContainsKey("session") && !query.ContainsKey("occurrence")
            && (query.ContainsKey("routine") || query.ContainsKey("seed"))),
    };

    public static WebApplicationBuilder AddOutputCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            // Entries are evicted when the catalog changes; the expiry only bounds how long a rarely asked
            // address (one filter combination among many) holds memory.
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
            options.SizeLimit = 32 * 1024 * 1024;
            options.MaximumBodySize = 2 * 1024 * 1024;
            options.AddPolicy(AnonymousPolicy, new AnonymousCatalogPolicy());
            options.AddPolicy(SeededBuildPolicy, new SeededBuildRequestPolicy());
        });
        return builder;
    }

    /// <summary>The anonymous pages of <see cref="AnonymousPages"/> get their policy; every other page is never cached.</summary>
    public static TBuilder CacheAnonymousPages<TBuilder>(this TBuilder pages) where TBuilder : IEndpointConventionBuilder
    {
        pages.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && AnonymousPages.TryGetValue(route, out var policy))
            {
                endpoint.Metadata.Add(policy);
            }
        });
        return pages;
    }

    private static bool IsAnonymous(HttpContext http) =>
        !http.RequestServices.GetRequiredService<SignInCredentials>().CarriedBy(http.Request) && http.User.Identity?.IsAuthenticated != true;

    /// <summary>Only a 200 without a cookie, and that does not forbid it, is kept.</summary>
    private static ValueTask KeepOnlyWhatAnyoneMaySeeAsync(OutputCacheContext context)
    {
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || headers.SetCookie.Count > 0
            || http.User.Identity?.IsAuthenticated == true
            || HeaderUtilities.ContainsCacheDirective(headers.CacheControl, CacheControlHeaderValue.NoStoreString)
            || HeaderUtilities.ContainsCacheDirective(headers.CacheControl, CacheControlHeaderValue.PrivateString))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static void Enable(OutputCacheContext context, string catalogVersion)
    {
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.CacheVaryByRules.VaryByValues["catalog"] = catalogVersion;
        context.Tags.Add(CatalogStore.OutputCacheTag);
    }

    /// <summary>
    /// Caches GET and HEAD for requests without credentials, keyed by the exact query string (the order of
    /// repeated parameters can matter, as in prefer=), Accept-Encoding and the catalog's version.
    /// </summary>
    private sealed class AnonymousCatalogPolicy(Func<IQueryCollection, bool>? condition = null) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var version = http.RequestServices.GetRequiredService<CatalogStore>().Version;
            if (version is null
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || !IsAnonymous(http)
                || (condition is not null && !condition(request.Query)))
            {
                context.EnableOutputCaching = false;
                return ValueTask.CompletedTask;
            }

            Enable(context, version);
            context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
            context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? "";
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => KeepOnlyWhatAnyoneMaySeeAsync(context);
    }

    /// <summary>
    /// POST /api/sessions/build with a seed: the same body builds the same session from the same catalog,
    /// so it is keyed by the body's SHA-256 (and Content-Type and Accept-Encoding). A body without a seed
    /// draws a new session each time and is never cached; neither is one without a Content-Length within
    /// the endpoint's limit, which is applied here before the body is read, as the endpoint would.
    /// </summary>
    private sealed class SeededBuildRequestPolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            context.EnableOutputCaching = false;
            var http = context.HttpContext;
            var request = http.Request;
            var version = http.RequestServices.GetRequiredService<CatalogStore>().Version;
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (version is null || !HttpMethods.IsPost(request.Method) || !IsAnonymous(http) || !request.HasJsonContentType()
                || request.ContentLength is not { } length || limit is null || length > limit || sizeFeature?.IsReadOnly == true)
            {
                return;
            }

            // Once the body is being read its limit cannot be set: set the endpoint's own first (a server without limits has no feature).
            sizeFeature?.MaxRequestBodySize = limit;
            request.EnableBuffering();
            var body = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                await request.Body.ReadExactlyAsync(body.AsMemory(0, (int)length), cancellationToken);
                request.Body.Position = 0;
                var bytes = body.AsSpan(0, (int)length);
                if (!HasSeed(bytes))
                {
                    return;
                }
                Enable(context, version);
                context.CacheVaryByRules.HeaderNames = new([HeaderNames.AcceptEncoding, HeaderNames.ContentType]);
                context.CacheVaryByRules.VaryByValues["body"] = Convert.ToHexString(SHA256.HashData(bytes));
            }
            catch (EndOfStreamException)
            {
                // The body was shorter than it said: the endpoint answers that, uncached.
                request.Body.Position = 0;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => KeepOnlyWhatAnyoneMaySeeAsync(context);

        /// <summary>A JSON object whose seed, named as the API binds it (case-insensitively), is a number every time it is given.</summary>
        private static bool HasSeed(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            var seeded = false;
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isSeed = string.Equals(reader.GetString(), "seed", StringComparison.OrdinalIgnoreCase);
                    reader.Read();
                    if (isSeed && reader.TokenType != JsonTokenType.Number) return false;
                    seeded |= isSeed;
                    reader.Skip();
                }
                return seeded && reader.TokenType == JsonTokenType.EndObject;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
