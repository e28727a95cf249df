using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Stretching.Web.Data;

/// <summary>
/// A lock every instance on one PostgreSQL database shares while it does a start-up step that must
/// happen once: a session-level advisory lock, held on the context's connection (kept open meanwhile)
/// until disposed. Other instances wait for it. With SQLite, which serves one machine, there is no lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Arbitrary numbers naming this app's locks among the database's advisory locks.</summary>
    public const long Migrations = 0x5354_5245_5443_4801;
    public const long FirstDataProtectionKey = 0x5354_5245_5443_4802;

    private readonly StretchingDbContext? _db;
    private readonly long _key;

    private StartupLock(StretchingDbContext? db, long key)
    {
        _db = db;
        _key = key;
    }

    public static async Task<StartupLock> AcquireAsync(StretchingDbContext db, long key, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql()) return new StartupLock(null, key);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new StartupLock(db, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null) return;
        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({_key})");
        }
        catch
        {
            // Closing ends nothing on the server (the connection goes back to the pool, not reset: see
            // StretchingDatabase.WithServerDefaults), so a lock that could not be released must not live on
            // in the pool: this physical connection is closed when it is returned, and the server frees the lock.
            NpgsqlConnection.ClearPool((NpgsqlConnection)_db.Database.GetDbConnection());
            throw;
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
