using System.Net;
using System.Text.Json;

namespace Stretching.Web.Tests.Apis;

[Collection(AppCollection.Name)]
public sealed class OperationsTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    [Fact]
    public async Task HealthChecksTheDatabase()
    {
        var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheCatalogEndpoints()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/exercises", out var list));
        Assert.True(paths.TryGetProperty("/api/exercises/{slug}", out _));
        var parameters = list.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Superset(new HashSet<string?> { "q", "region", "position", "kind", "level", "equipment", "exclude" }, parameters.ToHashSet());
    }

    [Fact]
    public async Task TheFileDatabaseIsCreatedWhereConfigured()
    {
        await _client.GetAsync("/health");
        Assert.True(File.Exists(app.DatabasePath));
    }
}
