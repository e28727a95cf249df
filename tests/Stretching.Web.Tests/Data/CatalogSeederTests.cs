using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

public sealed class CatalogSeederTests : IDisposable
{
    private readonly TestDatabase _database = new();
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

    [Fact]
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

    [Fact]
    public async Task RoutinesAreSeededOnceToo()
    {
        await SeedAsync(RealCatalog());
        await SeedAsync(RealCatalog());

        await using var db = _database.CreateContext();
        Assert.Equal(Routines.Count, await db.Routines.CountAsync());
        Assert.True(await db.Routines.AnyAsync(r => r.Slug == "dancer-complex"));
    }

    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task InvalidDataIsRefusedBeforeAnythingIsWritten()
    {
        var catalog = RealCatalog();
        var broken = catalog.Append(catalog[0]).ToList();

        await Assert.ThrowsAsync<CatalogDataException>(() => SeedAsync(broken));

        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Exercises.CountAsync());
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
