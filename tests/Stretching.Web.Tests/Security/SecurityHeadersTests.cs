using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Catalog;
using Stretching.Web.Extensions;

namespace Stretching.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers: pages, the API, static files, 404s and errors.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) => Assert.Single(response.Headers.GetValues(name));

        var csp = Header("Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        var permissions = Header("Permissions-Policy").Split(", ");
        foreach (var used in new[] { "fullscreen=(self)", "screen-wake-lock=(self)", "publickey-credentials-create=(self)", "publickey-credentials-get=(self)" })
        {
            Assert.Contains(used, permissions);
        }
        foreach (var denied in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
        {
            Assert.Contains(denied, permissions);
        }
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/build?minutes=30&level=beginner&conditions=hernia&seed=7", HttpStatusCode.OK)]
    [InlineData("/play?routine=twelve-back-stretches", HttpStatusCode.OK)]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/api/exercises", HttpStatusCode.OK)]
    [InlineData("/api/exercises/no-such-exercise", HttpStatusCode.NotFound)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/sw.js", HttpStatusCode.OK)]
    [InlineData("/manifest.webmanifest", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/no/such/file.css", HttpStatusCode.NotFound)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task AnApiErrorCarriesThemToo()
    {
        var response = await _client.PostAsync("/api/sessions/build", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }
}

/// <summary>The error page and an API failure, which the exception handler renders after clearing the response.</summary>
public sealed class ErrorResponseHeadersTests : IAsyncLifetime
{
    private readonly StretchingAppFactory _app = new();
    private HttpClient _client = null!;

    /// <summary>A catalog store that was never loaded, as in FailureTests: reads fail deep inside the app.</summary>
    public Task InitializeAsync()
    {
        _client = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddTransient<CatalogStore>()))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/exercises")]
    [InlineData("/api/exercises")]
    public async Task AServerErrorCarriesTheSecurityHeaders(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }
}
