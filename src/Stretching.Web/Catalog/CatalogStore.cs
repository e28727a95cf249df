using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Catalog;

/// <summary>
/// Holds the current catalog snapshot for every request to read. The database stays the store:
/// the snapshot is loaded from it after seeding, and swapped in whole, so a reader sees either the
/// old catalog or the new one, never a mix.
/// </summary>
public sealed class CatalogStore
{
    private CatalogSnapshot? _current;

    public CatalogSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The catalog has not been loaded yet.");

    /// <summary>Reads the seeded documents and the figures, and swaps the new snapshot in.</summary>
    public async Task LoadAsync(StretchingDbContext db, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var exercises = await db.Exercises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Document).ToListAsync(cancellationToken);
        var routines = await db.Routines.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Document).ToListAsync(cancellationToken);
        var snapshot = new CatalogSnapshot(
            exercises.Select(CatalogJson.Deserialize<Exercise>).ToList(),
            routines.Select(CatalogJson.Deserialize<Core.Sessions.Routine>).ToList(),
            CatalogFiles.LoadFigures(dataDirectory));
        Volatile.Write(ref _current, snapshot);
    }
}
