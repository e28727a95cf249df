using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.Sessions;
using Stretching.Web.Data;

namespace Stretching.Web.Sessions;

public sealed class RoutineLibrary(StretchingDbContext db)
{
    public async Task<IReadOnlyList<Routine>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var documents = await db.Routines.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Document).ToListAsync(cancellationToken);
        return documents.Select(CatalogJson.Deserialize<Routine>).ToList();
    }

    public async Task<Routine?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var document = await db.Routines.AsNoTracking().Where(r => r.Slug == slug).Select(r => r.Document).SingleOrDefaultAsync(cancellationToken);
        return document is null ? null : CatalogJson.Deserialize<Routine>(document);
    }
}
