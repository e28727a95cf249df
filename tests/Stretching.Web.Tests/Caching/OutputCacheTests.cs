using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Library;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Security;

namespace Stretching.Web.Tests.Caching;

/// <summary>
/// Anonymous pages and API reads are made once and served from the output cache, compressed as they were
/// stored; a signed-in person never is, and never gets what the cache holds. A cached response says so
/// with an Age header, which only the output cache adds.
/// </summary>
public sealed class OutputCacheTests(StretchingAppFactory app) : IClassFixture<StretchingAppFactory>
{
    public static readonly TheoryData<string> CachedAddresses = new()
    {
        "/",
        "/exercises",
        "/exercises?region=lumbar&level=beginner&exclude=hernia",
        "/exercises/cat-cow",
        "/routines",
        "/routines/twelve-back-stretches",
        "/safety",
        "/safety/conditions",
        "/build",
        "/build?minutes=30&level=beginner&focus=lumbar&seed=7",
        "/play?routine=twelve-back-stretches",
        "/play?minutes=20&level=beginner&seed=11",
        "/api/exercises",
        "/api/exercises?region=lumbar",
        "/api/exercises/cat-cow",
        "/api/routines",
        "/api/routines/twelve-back-stretches",
        "/figures/cat-cow.svg",
    };

    private static HttpRequestMessage Get(string url, string? acceptEncoding = "br, gzip")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Theory]
    [MemberData(nameof(CachedAddresses))]
    public async Task ASecondAnonymousRequestIsServedFromTheCacheCompressedWithTheSecurityHeadersAndNoCookie(string url)
    {
        var client = app.CreatePlainClient();

        var first = await client.SendAsync(Get(url));
        var second = await client.SendAsync(Get(url));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(FromCache(second), $"{url} was made again instead of served from the cache");
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("br", Assert.Single(second.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        SecurityHeadersTests.AssertSecurityHeaders(second);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ASecondRequestDoesNotRenderThePageAgain()
    {
        var renders = 0;
        using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped(provider =>
            {
                // The builder page asks for Profiles once per render.
                Interlocked.Increment(ref renders);
                return ActivatorUtilities.CreateInstance<Profiles>(provider);
            })));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string url = "/build?minutes=25&level=beginner&seed=99";

        await client.SendAsync(Get(url));
        var rendered = renders;
        for (var i = 0; i < 5; i++) Assert.True(FromCache(await client.SendAsync(Get(url))));

        Assert.Equal(1, rendered);
        Assert.Equal(rendered, renders);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises/cobra")]
    [InlineData("/routines/dancer-complex")]
    [InlineData("/build?minutes=30&level=beginner&seed=8")]
    public async Task ASignedInPersonNeverGetsTheCachedAnonymousPageNorLeavesTheirsInTheCache(string url)
    {
        var anonymous = app.CreatePlainClient();
        await anonymous.SendAsync(Get(url));
        Assert.True(FromCache(await anonymous.SendAsync(Get(url))));
        var person = await People.SignedInAsync(app);

        for (var i = 0; i < 2; i++)
        {
            var signedIn = await person.SendAsync(Get(url));
            var page = await signedIn.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.False(FromCache(signedIn));
            Assert.Empty(signedIn.Content.Headers.ContentEncoding);
            Assert.Contains("href=\"plan\"", page);
            Assert.DoesNotContain("href=\"Account/Login\"", page);
        }

        var again = await anonymous.SendAsync(Get(url, acceptEncoding: null));
        var anonymousPage = await again.Content.ReadAsStringAsync();
        Assert.Contains("href=\"Account/Login\"", anonymousPage);
        Assert.DoesNotContain("href=\"plan\"", anonymousPage);
    }

    [Theory]
    [InlineData("stretching.auth=not-a-valid-ticket")]
    [InlineData("stretching.authC1=a-chunk")]
    public async Task ARequestCarryingTheSignInCookieBypassesTheCacheEvenWhenTheCookieIsNotValid(string cookie)
    {
        const string url = "/exercises/sphinx";
        var client = app.CreatePlainClient();
        await client.SendAsync(Get(url));
        Assert.True(FromCache(await client.SendAsync(Get(url))));

        var request = Get(url);
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(FromCache(response));
    }

    [Fact]
    public async Task ARequestWithABearerTokenBypassesTheCache()
    {
        var email = $"bearer-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await People.RegisterAndConfirmAsync(app, client, email);
        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = People.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        const string url = "/api/routines/dancer-complex";
        await client.SendAsync(Get(url));
        Assert.True(FromCache(await client.SendAsync(Get(url))));

        var request = Get(url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(FromCache(response));
    }

    [Fact]
    public async Task TheCacheVariesByAcceptEncoding()
    {
        const string url = "/exercises?kind=relaxation";
        var client = app.CreatePlainClient();

        var brotli = await client.SendAsync(Get(url, "br"));
        var gzip = await client.SendAsync(Get(url, "gzip"));
        var identity = await client.SendAsync(Get(url, acceptEncoding: null));
        var brotliAgain = await client.SendAsync(Get(url, "br"));
        var gzipAgain = await client.SendAsync(Get(url, "gzip"));
        var identityAgain = await client.SendAsync(Get(url, acceptEncoding: null));

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotliAgain.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzipAgain.Content.Headers.ContentEncoding);
        Assert.Empty(identityAgain.Content.Headers.ContentEncoding);
        Assert.All([brotliAgain, gzipAgain, identityAgain], response => Assert.True(FromCache(response)));
        Assert.All([brotli, gzip, brotliAgain, gzipAgain], response => Assert.Equal(["Accept-Encoding"], response.Headers.Vary));
        var page = await identity.Content.ReadAsStringAsync();
        Assert.Equal(page, Decompress(await brotliAgain.Content.ReadAsByteArrayAsync(), "br"));
        Assert.Equal(page, Decompress(await gzipAgain.Content.ReadAsByteArrayAsync(), "gzip"));
    }

    [Fact]
    public async Task TheOrderOfRepeatedParametersIsPartOfTheKey()
    {
        var client = app.CreatePlainClient();
        await client.SendAsync(Get("/api/exercises?region=lumbar&region=hips"));

        var reordered = await client.SendAsync(Get("/api/exercises?region=hips&region=lumbar"));

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.False(FromCache(reordered));
    }

    [Fact]
    public async Task ABuiltSessionWithoutASeedIsDrawnAfreshEveryTime()
    {
        const string url = "/build?minutes=30&level=beginner";
        var client = app.CreatePlainClient();
        await client.SendAsync(Get(url));

        var second = await client.SendAsync(Get(url));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(FromCache(second));
    }

    [Fact]
    public async Task AnAnonymousVisitorGetsNoAntiforgeryTokenOrCookieFromPagesWithPostForms()
    {
        var client = app.CreatePlainClient();
        foreach (var url in new[] { "/routines/twelve-back-stretches", "/exercises/cat-cow", "/build?minutes=30&level=beginner&seed=3" })
        {
            for (var i = 0; i < 2; i++)
            {
                var response = await client.SendAsync(Get(url, acceptEncoding: null));
                Assert.False(response.Headers.Contains("Set-Cookie"), url);
                Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
            }
        }

        var person = await People.SignedInAsync(app);
        var signedIn = await person.GetStringAsync("/routines/twelve-back-stretches");
        Assert.Contains("__RequestVerificationToken", signedIn);
    }

    [Fact]
    public async Task AResponseThatSetsACookieIsNotKept()
    {
        using var cookied = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter>(_ => new CookieSettingStartupFilter())));
        var client = cookied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string url = "/safety?cookie=set";

        var first = await client.SendAsync(Get(url));
        var second = await client.SendAsync(Get(url));

        Assert.True(first.Headers.Contains("Set-Cookie"));
        Assert.False(FromCache(second));
    }

    [Fact]
    public async Task ABuildRequestWithASeedIsServedFromTheCacheAndOneWithoutIsNot()
    {
        var client = app.CreatePlainClient();
        const string seeded = """{"minutes":20,"level":"beginner","focus":["lumbar"],"seed":5}""";
        const string unseeded = """{"minutes":20,"level":"beginner","focus":["lumbar"]}""";

        async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions/build") { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
            return await client.SendAsync(request);
        }

        var first = await PostAsync(seeded);
        var second = await PostAsync(seeded);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(FromCache(second));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(["br"], second.Content.Headers.ContentEncoding);

        await PostAsync(unseeded);
        var drawnAgain = await PostAsync(unseeded);
        Assert.Equal(HttpStatusCode.OK, drawnAgain.StatusCode);
        Assert.False(FromCache(drawnAgain));

        var wrongType = await PostAsync(seeded, "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.False(FromCache(wrongType));
    }

    [Fact]
    public async Task ANewCatalogEvictsWhatWasMadeFromTheOldOne()
    {
        using var fresh = new StretchingAppFactory();
        var client = fresh.CreatePlainClient();
        foreach (var url in new[] { "/exercises/sphinx", "/api/exercises/sphinx" })
        {
            await client.SendAsync(Get(url, acceptEncoding: null));
            Assert.True(FromCache(await client.SendAsync(Get(url, acceptEncoding: null))));
        }

        using (var scope = fresh.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
            var row = await db.Exercises.SingleAsync(e => e.Slug == "sphinx");
            row.Document = CatalogJson.Serialize(CatalogJson.Deserialize<Exercise>(row.Document) with { Summary = "A summary the seeder just changed." });
            await db.SaveChangesAsync();
            await fresh.Services.GetRequiredService<CatalogStore>().LoadAsync(db, fresh.Services.GetRequiredService<CatalogOptions>().DataDirectory);
        }

        foreach (var url in new[] { "/exercises/sphinx", "/api/exercises/sphinx" })
        {
            var response = await client.SendAsync(Get(url, acceptEncoding: null));
            Assert.False(FromCache(response));
            Assert.Contains("A summary the seeder just changed.", await response.Content.ReadAsStringAsync());
        }
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressed = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed);
        return reader.ReadToEnd();
    }

    /// <summary>Sets a cookie on one address, before anything else runs, as a page rendering an antiforgery token would.</summary>
    private sealed class CookieSettingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Query.ContainsKey("cookie")) context.Response.Cookies.Append("token", "secret");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>On real Kestrel, where the builder's 16 KB limit is enforced: reading a seeded body for its cache key keeps that limit.</summary>
public sealed class SeededBuildCacheTests : IAsyncLifetime
{
    private readonly KestrelApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASeededBuildIsServedFromTheCacheOnKestrel()
    {
        using var client = _app.CreateSocketClient();
        // With its Content-Length, as a browser sends a JSON string; a chunked body is built, never cached.
        StringContent Body() => new("""{"minutes":30,"level":"beginner","focus":["thoracic"],"seed":12}""", Encoding.UTF8, "application/json");

        await client.PostAsync("/api/sessions/build", Body());
        var second = await client.PostAsync("/api/sessions/build", Body());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task ASeededBodyOverTheLimitIsStillA413()
    {
        using var client = _app.CreateSocketClient();
        var body = $$"""{ "minutes": 45, "level": "beginner", "seed": 4, "include": ["{{new string('x', 20_000)}}"] }""";

        var response = await client.PostAsync("/api/sessions/build", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
