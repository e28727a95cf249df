using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;

namespace Stretching.Web.Data;

/// <summary>
/// Start-up, safe for several instances starting together on one empty database: the migrations run
/// under a lock, so they run once and the others find them applied (<see cref="MigrateAsync"/>);
/// seeding is an upsert; the first data-protection key is made under a lock of its own.
/// </summary>
public static class DatabaseInitializer
{
    /// <summary>Applies the hand-written migrations, seeds the catalog from the data folder, then loads its snapshot.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var db = services.GetRequiredService<StretchingDbContext>();

        var applied = await MigrateAsync(db, cancellationToken);
        logger.LogInformation("Database ready, {MigrationCount} migrations applied", applied);

        var dataDirectory = services.GetRequiredService<CatalogOptions>().DataDirectory;
        await services.GetRequiredService<CatalogSeeder>().SeedAsync(
            CatalogFiles.LoadExercises(dataDirectory), CatalogFiles.LoadRoutines(dataDirectory), cancellationToken);
        if (services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.PostgreSql)
        {
            await DatabaseXmlRepository.EnsureKeyAsync(services, db, cancellationToken);
        }
        await services.GetRequiredService<CatalogStore>().LoadAsync(db, dataDirectory, cancellationToken);
    }

    /// <summary>
    /// Applies the pending migrations, one instance at a time, and says how many this one applied.
    /// EF Core's own lock is not enough on PostgreSQL: Npgsql takes it per migration, in each migration's
    /// transaction, while the list of pending migrations is read once, so a second instance would apply
    /// a migration the first had just applied. SQLite's lock (a row in __EFMigrationsLock) is held
    /// throughout, so there the advisory lock is not needed and not taken.
    /// </summary>
    public static async Task<int> MigrateAsync(StretchingDbContext db, CancellationToken cancellationToken = default)
    {
        // The lock needs a connection, so a database that is not there yet is made first, as Migrate would;
        // when two instances race to make it, the one that loses finds it made.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (DbException) when (creator.Exists())
            {
            }
        }
        await using var startup = await StartupLock.AcquireAsync(db, StartupLock.Migrations, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
