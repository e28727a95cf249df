using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Apis;

/// <summary>When the server does fail, callers still get a clear answer: problem+json or the error page.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private readonly StretchingAppFactory _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreatePlainClient();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
        await db.Database.ExecuteSqlRawAsync("DROP TABLE Exercises");
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
        Assert.DoesNotContain("SqliteException", body);
    }

    [Fact]
    public async Task APageFailureShowsTheErrorPage()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/exercises");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("SqliteException", page.Body!.TextContent);
    }
}
