using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Catalog;

/// <summary>Reads the catalog from the database; filtering is the domain's <see cref="ExerciseFilter"/>.</summary>
public sealed class ExerciseCatalog(StretchingDbContext db)
{
    public async Task<IReadOnlyList<Exercise>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var documents = await db.Exercises.AsNoTracking()
            .OrderBy(e => e.Name)
            .Select(e => e.Document)
            .ToListAsync(cancellationToken);
        return documents.Select(CatalogJson.Deserialize<Exercise>).ToList();
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
