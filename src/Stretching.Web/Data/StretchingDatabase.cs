using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stretching.Web.Data;

/// <summary>How every <see cref="StretchingDbContext"/> is configured, by the app and by tests alike.</summary>
public static class StretchingDatabase
{
    private static readonly SqliteDurability Durability = new();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(database.ConnectionString);
                break;
            default:
                // WAL, synchronous=FULL and a busy timeout are SQLite's own settings; a server keeps its own durability.
                options.UseSqlite(database.ConnectionString).AddInterceptors(Durability);
                break;
        }
        // Migrations are hand-written and there is no model snapshot to compare with;
        // SchemaTests prove the migrated schema equals the model on each provider instead.
        return options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
