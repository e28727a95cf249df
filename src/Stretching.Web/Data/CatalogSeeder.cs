using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Web.Data;

/// <summary>
/// Brings the catalog and routine rows in line with data/: inserts new slugs, updates changed ones
/// and leaves everything else alone, so running it twice changes nothing and no user data is removed.
/// Invalid data is refused before anything is written. Each write is an upsert by slug (INSERT ...
/// ON CONFLICT, the same SQL on SQLite and PostgreSQL), so instances seeding one empty database at
/// the same time neither duplicate a row nor fail: whoever comes second finds the row there and equal.
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
        // What differs is read first, outside the transaction, so the transaction only writes (SQLite
        // then waits for another writer instead of failing on a stale snapshot); the upsert re-checks each row.
        var exerciseChanges = await ChangesAsync(db.Exercises, exercises, e => e.Slug, e => e.Name, cancellationToken);
        var routineChanges = await ChangesAsync(db.Routines, routines, r => r.Slug, r => r.Name, cancellationToken);

        SeedCounts exerciseCounts, routineCounts;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            exerciseCounts = await UpsertAsync<ExerciseEntity>(exerciseChanges, exercises.Count, now, cancellationToken);
            routineCounts = await UpsertAsync<RoutineEntity>(routineChanges, routines.Count, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var result = new SeedResult(exerciseCounts, routineCounts);
        logger.LogInformation(
            "Catalog seeded: exercises {ExercisesInserted} inserted, {ExercisesUpdated} updated, {ExercisesUnchanged} unchanged; routines {RoutinesInserted} inserted, {RoutinesUpdated} updated, {RoutinesUnchanged} unchanged",
            exerciseCounts.Inserted, exerciseCounts.Updated, exerciseCounts.Unchanged,
            routineCounts.Inserted, routineCounts.Updated, routineCounts.Unchanged);
        return result;
    }

    private sealed record Change(string Slug, string Name, string Document, bool IsNew);

    /// <summary>The values whose row is missing or differs, in the data's order (so concurrent seeders lock rows in one order).</summary>
    private static async Task<List<Change>> ChangesAsync<TEntity, TValue>(
        DbSet<TEntity> rows, IReadOnlyList<TValue> values, Func<TValue, string> slugOf, Func<TValue, string> nameOf, CancellationToken cancellationToken)
        where TEntity : CuratedDocument
    {
        var existing = await rows.AsNoTracking().ToDictionaryAsync(r => r.Slug, r => (r.Name, r.Document), cancellationToken);
        var changes = new List<Change>();
        foreach (var value in values)
        {
            var document = CatalogJson.Serialize(value);
            if (!existing.TryGetValue(slugOf(value), out var row)) changes.Add(new Change(slugOf(value), nameOf(value), document, IsNew: true));
            else if (row.Document != document || row.Name != nameOf(value)) changes.Add(new Change(slugOf(value), nameOf(value), document, IsNew: false));
        }
        return changes;
    }

    /// <summary>
    /// Writes each change as one upsert that touches the row only when it still differs; a change another
    /// instance made meanwhile affects no row here and counts as unchanged.
    /// </summary>
    private async Task<SeedCounts> UpsertAsync<TEntity>(List<Change> changes, int total, DateTimeOffset now, CancellationToken cancellationToken)
        where TEntity : CuratedDocument
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(db.Model.FindEntityType(typeof(TEntity))!.GetTableName()!);
        var upsert = $$"""
            INSERT INTO {{table}} ("Slug", "Name", "Document", "UpdatedAt") VALUES ({0}, {1}, {2}, {3})
            ON CONFLICT ("Slug") DO UPDATE SET "Name" = excluded."Name", "Document" = excluded."Document", "UpdatedAt" = excluded."UpdatedAt"
            WHERE {{table}}."Name" <> excluded."Name" OR {{table}}."Document" <> excluded."Document"
            """;
        int inserted = 0, updated = 0;
        foreach (var change in changes)
        {
            if (await db.Database.ExecuteSqlRawAsync(upsert, [change.Slug, change.Name, change.Document, now], cancellationToken) == 0) continue;
            if (change.IsNew) inserted++;
            else updated++;
        }
        return new SeedCounts(inserted, updated, total - inserted - updated);
    }
}

public sealed record SeedCounts(int Inserted, int Updated, int Unchanged);

public sealed record SeedResult(SeedCounts Exercises, SeedCounts Routines);
