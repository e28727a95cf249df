using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>The catalog is read once into memory after seeding; requests never re-read it from the database.</summary>
public sealed class CatalogSnapshotTests : IDisposable
{
    private readonly StretchingAppFactory _app = new();

    [Fact]
    public async Task PagesAndTheApiServeTheCatalogFromMemoryNotFromTheDatabase()
    {
        var client = _app.CreatePlainClient();
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StretchingDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE Exercises");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/exercises")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/exercises/cat-cow")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/sessions/build", new { minutes = 20, level = "beginner" })).StatusCode);
    }

    [Fact]
    public async Task ReloadingAfterTheSeederChangedADocumentSwapsInANewSnapshotWithANewVersion()
    {
        var store = _app.Services.GetRequiredService<CatalogStore>();
        var before = store.Current;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
        var row = await db.Exercises.SingleAsync(e => e.Slug == "sphinx");
        var sphinx = CatalogJson.Deserialize<Exercise>(row.Document);
        row.Document = CatalogJson.Serialize(sphinx with { Summary = "A changed summary." });
        await db.SaveChangesAsync();

        Assert.Equal(sphinx.Summary, store.Current.Exercise("sphinx")!.Summary);
        await store.LoadAsync(db, _app.Services.GetRequiredService<CatalogOptions>().DataDirectory);

        Assert.Equal("A changed summary.", store.Current.Exercise("sphinx")!.Summary);
        Assert.NotEqual(before.Version, store.Current.Version);
        Assert.Equal(sphinx.Summary, before.Exercise("sphinx")!.Summary);
    }

    public void Dispose() => _app.Dispose();
}
