using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Data;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Data;

/// <summary>The seeder on each provider, and two start-ups at once on one empty database.</summary>
public abstract class CatalogSeederTests(TestDatabase database) : IDisposable
{
    private readonly TestDatabase _database = database;
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 11, 21, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
    private static readonly IReadOnlyList<Routine> Routines = CatalogFiles.LoadRoutines(DataDirectory);

    private async Task<SeedCounts> SeedAsync(IReadOnlyList<Exercise> exercises)
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
        var result = await new CatalogSeeder(db, _clock, NullLogger<CatalogSeeder>.Instance).SeedAsync(exercises, Routines);
        return result.Exercises;
    }

    private static IReadOnlyList<Exercise> RealCatalog() => CatalogFiles.LoadExercises(DataDirectory);

    [ProviderFact]
    public async Task TheFirstSeedInsertsEveryExerciseAndASecondChangesNothing()
    {
        var catalog = RealCatalog();

        var first = await SeedAsync(catalog);
        _clock.Now = _clock.Now.AddDays(1);
        var second = await SeedAsync(catalog);

        Assert.Equal(new SeedCounts(catalog.Count, 0, 0), first);
        Assert.Equal(new SeedCounts(0, 0, catalog.Count), second);
        await using var db = _database.CreateContext();
        Assert.Equal(catalog.Count, await db.Exercises.CountAsync());
        Assert.All(await db.Exercises.ToListAsync(), e => Assert.True(e.UpdatedAt < _clock.Now));
    }

    [ProviderFact]
    public async Task RoutinesAreSeededOnceToo()
    {
        await SeedAsync(RealCatalog());
        await SeedAsync(RealCatalog());

        await using var db = _database.CreateContext();
        Assert.Equal(Routines.Count, await db.Routines.CountAsync());
        Assert.True(await db.Routines.AnyAsync(r => r.Slug == "dancer-complex"));
    }

    [ProviderFact]
    public async Task AChangedExerciseIsUpdatedInPlaceBySlug()
    {
        var catalog = RealCatalog();
        await SeedAsync(catalog);
        int idBefore;
        await using (var db = _database.CreateContext())
        {
            idBefore = (await db.Exercises.SingleAsync(e => e.Slug == "cobra")).Id;
        }

        var changed = catalog.Select(e => e.Slug == "cobra" ? e with { Name = "Cobra (updated)" } : e).ToList();
        var result = await SeedAsync(changed);

        Assert.Equal(new SeedCounts(0, 1, catalog.Count - 1), result);
        await using var check = _database.CreateContext();
        var cobra = await check.Exercises.SingleAsync(e => e.Slug == "cobra");
        Assert.Equal(idBefore, cobra.Id);
        Assert.Equal("Cobra (updated)", CatalogJson.Deserialize<Exercise>(cobra.Document).Name);
    }

    [ProviderFact]
    public async Task RowsThatAreNotInTheDataAreNeverRemoved()
    {
        var catalog = RealCatalog();
        await SeedAsync(catalog);
        await using (var db = _database.CreateContext())
        {
            var custom = catalog[0] with { Slug = "my-own-exercise", Name = "My own exercise" };
            db.Exercises.Add(new ExerciseEntity { Slug = custom.Slug, Name = custom.Name, Document = CatalogJson.Serialize(custom) });
            await db.SaveChangesAsync();
        }

        await SeedAsync(catalog);

        await using var check = _database.CreateContext();
        Assert.True(await check.Exercises.AnyAsync(e => e.Slug == "my-own-exercise"));
    }

    [ProviderFact]
    public async Task InvalidDataIsRefusedBeforeAnythingIsWritten()
    {
        var catalog = RealCatalog();
        var broken = catalog.Append(catalog[0]).ToList();

        await Assert.ThrowsAsync<CatalogDataException>(() => SeedAsync(broken));

        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Exercises.CountAsync());
    }

    [ProviderFact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndSeedOneCatalog()
    {
        var catalog = RealCatalog();
        using var start = new Barrier(2);

        async Task<SeedResult> StartAsync()
        {
            await using var db = _database.CreateContext();
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            await DatabaseInitializer.MigrateAsync(db);
            return await new CatalogSeeder(db, _clock, NullLogger<CatalogSeeder>.Instance).SeedAsync(catalog, Routines);
        }

        var results = await Task.WhenAll(Task.Run(StartAsync), Task.Run(StartAsync));

        // Between them they inserted each row once; whichever came second found it there.
        Assert.Equal(catalog.Count, results.Sum(r => r.Exercises.Inserted));
        Assert.Equal(Routines.Count, results.Sum(r => r.Routines.Inserted));
        Assert.All(results, r => Assert.Equal(0, r.Exercises.Updated));
        await using var check = _database.CreateContext();
        Assert.Equal(catalog.Count, await check.Exercises.CountAsync());
        Assert.Equal(catalog.Count, await check.Exercises.Select(e => e.Slug).Distinct().CountAsync());
        Assert.Equal(Routines.Count, await check.Routines.CountAsync());
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class CatalogSeederTestsOnSqlite() : CatalogSeederTests(TestDatabase.Sqlite());

[OnPostgreSql]
public sealed class CatalogSeederTestsOnPostgreSql() : CatalogSeederTests(TestDatabase.PostgreSql());
