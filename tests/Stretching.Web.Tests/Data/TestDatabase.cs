using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>A SQLite file of its own, for tests that need the database without the web host.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"stretching-db-{Guid.NewGuid():N}.db");

    public StretchingDbContext CreateContext() => new(new DbContextOptionsBuilder<StretchingDbContext>()
        .UseSqlite($"Data Source={_path}")
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
