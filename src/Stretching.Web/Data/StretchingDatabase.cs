using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

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

    /// <summary>The statements kept prepared per PostgreSQL connection unless the connection string says otherwise.</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// A PostgreSQL connection string tuned for short requests, unless it sets these keys itself:
    /// <list type="bullet">
    /// <item>Max Auto Prepare 64: EF Core sends the same few statements with every page; prepared, the
    /// server plans each once per connection instead of on every request (0 behind a pooler in transaction mode);</item>
    /// <item>No Reset On Close: a connection going back to Npgsql's pool is not reset on the server before
    /// its next query. The app keeps no session state; the one it takes, the start-up lock, it releases
    /// itself (<see cref="StartupLock"/>).</item>
    /// </list>
    /// </summary>
    public static string WithServerDefaults(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present, so the keys given are read plainly.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE")) tuned.MaxAutoPrepare = AutoPreparedStatements;
        if (!given.Contains("NORESETONCLOSE")) tuned.NoResetOnClose = true;
        return tuned.ConnectionString;
    }
}
