using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Web.Data;

/// <summary>
/// Brings the catalog and routine rows in line with data/: inserts new slugs, updates changed ones
/// and leaves everything else alone, so running it twice changes nothing and no user data is removed.
/// Invalid data is refused before anything is written.
/// </summary>
public sealed class CatalogSeeder(StretchingDbContext db, TimeProvider clock, ILogger<CatalogSeeder> logger)
{
    public async Task<SeedResult> SeedAsync(IReadOnlyList<Exercise> exercises, IReadOnlyList<Routine> routines, CancellationToken cancellationToken = default)
    {
        var problems = CatalogValidator.Validate(exercises).Concat(RoutineValidator.Validate(routines, exercises)).ToList();
        if (problems.Count > 0)
        {
            throw new CatalogDataException("The catalog data is invalid: " + string.Join("; ", problems));
        }

        var now = clock.GetUtcNow();
        var exerciseCounts = await UpsertAsync(db.Exercises, exercises, e => e.Slug, e => e.Name,
            (slug, name, document) => new ExerciseEntity { Slug = slug, Name = name, Document = document, UpdatedAt = now }, now, cancellationToken);
        var routineCounts = await UpsertAsync(db.Routines, routines, r => r.Slug, r => r.Name,
            (slug, name, document) => new RoutineEntity { Slug = slug, Name = name, Document = document, UpdatedAt = now }, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var result = new SeedResult(exerciseCounts, routineCounts);
        logger.LogInformation(
            "Catalog seeded: exercises {ExercisesInserted} inserted, {ExercisesUpdated} updated, {ExercisesUnchanged} unchanged; routines {RoutinesInserted} inserted, {RoutinesUpdated} updated, {RoutinesUnchanged} unchanged",
            exerciseCounts.Inserted, exerciseCounts.Updated, exerciseCounts.Unchanged,
            routineCounts.Inserted, routineCounts.Updated, routineCounts.Unchanged);
        return result;
    }

    private static async Task<SeedCounts> UpsertAsync<TEntity, TValue>(
        DbSet<TEntity> rows,
        IReadOnlyList<TValue> values,
        Func<TValue, string> slugOf,
        Func<TValue, string> nameOf,
        Func<string, string, string, TEntity> create,
        DateTimeOffset now,
        CancellationToken cancellationToken)
        where TEntity : CuratedDocument
    {
        var existing = await rows.ToDictionaryAsync(r => r.Slug, cancellationToken);
        int inserted = 0, updated = 0;
        foreach (var value in values)
        {
            var document = CatalogJson.Serialize(value);
            if (!existing.TryGetValue(slugOf(value), out var row))
            {
                rows.Add(create(slugOf(value), nameOf(value), document));
                inserted++;
            }
            else if (row.Document != document || row.Name != nameOf(value))
            {
                row.Name = nameOf(value);
                row.Document = document;
                row.UpdatedAt = now;
                updated++;
            }
        }
        return new SeedCounts(inserted, updated, values.Count - inserted - updated);
    }
}

public sealed record SeedCounts(int Inserted, int Updated, int Unchanged);

public sealed record SeedResult(SeedCounts Exercises, SeedCounts Routines);
