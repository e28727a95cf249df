using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;

namespace Stretching.Web.Data;

/// <summary>
/// Brings the catalog rows in line with data/: inserts new slugs, updates changed ones, and leaves
/// everything else alone, so running it twice changes nothing and no user data is ever removed.
/// </summary>
public sealed class CatalogSeeder(StretchingDbContext db, TimeProvider clock, ILogger<CatalogSeeder> logger)
{
    public async Task<SeedResult> SeedAsync(IReadOnlyList<Exercise> exercises, CancellationToken cancellationToken = default)
    {
        var problems = CatalogValidator.Validate(exercises);
        if (problems.Count > 0)
        {
            throw new CatalogDataException("The catalog data is invalid: " + string.Join("; ", problems));
        }

        var existing = await db.Exercises.ToDictionaryAsync(e => e.Slug, cancellationToken);
        var now = clock.GetUtcNow();
        int inserted = 0, updated = 0;

        foreach (var exercise in exercises)
        {
            var document = CatalogJson.Serialize(exercise);
            if (!existing.TryGetValue(exercise.Slug, out var row))
            {
                db.Exercises.Add(new ExerciseEntity { Slug = exercise.Slug, Name = exercise.Name, Document = document, UpdatedAt = now });
                inserted++;
            }
            else if (row.Document != document || row.Name != exercise.Name)
            {
                row.Name = exercise.Name;
                row.Document = document;
                row.UpdatedAt = now;
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var result = new SeedResult(inserted, updated, exercises.Count - inserted - updated);
        logger.LogInformation(
            "Catalog seeded: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged",
            result.Inserted, result.Updated, result.Unchanged);
        return result;
    }
}

public sealed record SeedResult(int Inserted, int Updated, int Unchanged);
