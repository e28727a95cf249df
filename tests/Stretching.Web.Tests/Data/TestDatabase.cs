using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>A SQLite file of its own, for tests that need the database without the web host.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"stretching-db-{Guid.NewGuid():N}.db");

    /// <summary>
    /// Identity shapes its tables by the IdentityOptions it finds among the context's services, and EF
    /// Core builds the model once per process: these must match the app's (schema version 3).
    /// </summary>
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .AddSingleton(Options.Create(new IdentityOptions { Stores = { SchemaVersion = IdentitySchemaVersions.Version3 } }))
        .BuildServiceProvider();

    public StretchingDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<StretchingDbContext>().UseApplicationServiceProvider(IdentityServices);
        StretchingDatabase.Configure(options, $"Data Source={_path}");
        return new StretchingDbContext(options.Options);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
