using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Catalog;

/// <summary>
/// Holds the current catalog snapshot for every request to read. The database stays the store:
/// the snapshot is loaded from it after seeding, and swapped in whole, so a reader sees either the
/// old catalog or the new one, never a mix. A new catalog evicts every response the output cache made
/// from the old one (those tagged <see cref="OutputCacheTag"/>).
/// </summary>
public sealed class CatalogStore(IOutputCacheStore outputCache)
{
    public const string OutputCacheTag = "catalog";

    private CatalogSnapshot? _current;

    public CatalogSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The catalog has not been loaded yet.");

    /// <summary>The current snapshot's version, or null before the first load.</summary>
    public string? Version => Volatile.Read(ref _current)?.Version;

    /// <summary>Reads the seeded documents and the figures, swaps the new snapshot in, and evicts what was made from the old one.</summary>
    public async Task LoadAsync(StretchingDbContext db, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var exercises = await db.Exercises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Document).ToListAsync(cancellationToken);
        var routines = await db.Routines.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Document).ToListAsync(cancellationToken);
        var snapshot = new CatalogSnapshot(
            exercises.Select(CatalogJson.Deserialize<Exercise>).ToList(),
            routines.Select(CatalogJson.Deserialize<Core.Sessions.Routine>).ToList(),
            CatalogFiles.LoadFigures(dataDirectory));
        var previous = Interlocked.Exchange(ref _current, snapshot);
        if (previous is not null && previous.Version != snapshot.Version)
        {
            await outputCache.EvictByTagAsync(OutputCacheTag, cancellationToken);
        }
    }
}
