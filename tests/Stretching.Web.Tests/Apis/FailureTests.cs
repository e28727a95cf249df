using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Catalog;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Apis;

/// <summary>When the server does fail, callers still get a clear answer: problem+json or the error page.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private readonly StretchingAppFactory _app = new();
    private HttpClient _client = null!;

    /// <summary>
    /// Requests get a catalog store that was never loaded (start-up loads another instance), so every
    /// page and API read that needs the catalog fails the way a real fault would, deep inside the app.
    /// </summary>
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

    [Fact]
    public async Task AnApiFailureIsAProblemDocumentWithoutInternals()
    {
        var response = await _client.GetAsync("/api/exercises");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("CatalogStore", body);
    }

    [Fact]
    public async Task APageFailureShowsTheErrorPage()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/exercises");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", page.Body!.TextContent);
    }
}
