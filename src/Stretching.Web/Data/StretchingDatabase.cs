using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stretching.Web.Data;

/// <summary>How every <see cref="StretchingDbContext"/> is configured, by the app and by tests alike.</summary>
public static class StretchingDatabase
{
    private static readonly SqliteDurability Durability = new();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString)
        .AddInterceptors(Durability)
        // Migrations are hand-written and there is no model snapshot to compare with;
        // SchemaTests prove the migrated schema equals the model instead.
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
