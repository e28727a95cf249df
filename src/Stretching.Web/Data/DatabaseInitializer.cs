using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;

namespace Stretching.Web.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies the hand-written migrations, seeds the catalog from the data folder, then loads its snapshot.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var db = services.GetRequiredService<StretchingDbContext>();

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        logger.LogInformation("Database ready, {MigrationCount} migrations applied", pending.Count);

        var dataDirectory = services.GetRequiredService<CatalogOptions>().DataDirectory;
        await services.GetRequiredService<CatalogSeeder>().SeedAsync(
            CatalogFiles.LoadExercises(dataDirectory), CatalogFiles.LoadRoutines(dataDirectory));
        await services.GetRequiredService<CatalogStore>().LoadAsync(db, dataDirectory);
    }
}
