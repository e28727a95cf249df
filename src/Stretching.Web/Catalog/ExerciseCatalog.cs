using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Catalog;

/// <summary>
/// Reads the catalog from the database; filtering is the domain's <see cref="ExerciseFilter"/>.
/// Scoped to a request, it reads the whole catalog at most once per request however many parts ask.
/// </summary>
public sealed class ExerciseCatalog(StretchingDbContext db)
{
    private IReadOnlyList<Exercise>? _all;

    public async Task<IReadOnlyList<Exercise>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        if (_all is not null) return _all;
        var documents = await db.Exercises.AsNoTracking()
            .OrderBy(e => e.Name)
            .Select(e => e.Document)
            .ToListAsync(cancellationToken);
        return _all = documents.Select(CatalogJson.Deserialize<Exercise>).ToList();
    }

    public async Task<Exercise?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var document = await db.Exercises.AsNoTracking()
            .Where(e => e.Slug == slug)
            .Select(e => e.Document)
            .SingleOrDefaultAsync(cancellationToken);
        return document is null ? null : CatalogJson.Deserialize<Exercise>(document);
    }
}
