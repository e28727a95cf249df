using Microsoft.EntityFrameworkCore;

namespace Stretching.Web.Data;

/// <summary>Secrets made once and shared by every instance on the database (<see cref="ServerSecret"/>).</summary>
public static class ServerSecrets
{
    /// <summary>
    /// The secret stored under a name. When there is none, one is made and inserted unless another
    /// instance got there first (INSERT ... ON CONFLICT DO NOTHING, which SQLite and PostgreSQL both
    /// speak): either way every instance reads back the one that was stored.
    /// </summary>
    public static string GetOrCreate(StretchingDbContext db, string name, Func<string> create, DateTime utcNow)
    {
        if (db.ServerSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefault() is { } stored) return stored;
        db.Database.ExecuteSql(
            $"""INSERT INTO "ServerSecrets" ("Name", "Value", "CreatedAt") VALUES ({name}, {create()}, {DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)}) ON CONFLICT ("Name") DO NOTHING""");
        return db.ServerSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).Single();
    }
}
