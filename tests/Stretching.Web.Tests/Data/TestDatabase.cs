using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Data;

/// <summary>A database of its own, for tests that need one without the web host: a SQLite file, or a PostgreSQL database created and dropped here.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>
    /// Identity shapes its tables by the IdentityOptions it finds among the context's services, and EF
    /// Core builds the model once per process and provider: these must match the app's (schema version 3).
    /// </summary>
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .AddSingleton(Microsoft.Extensions.Options.Options.Create(new IdentityOptions { Stores = { SchemaVersion = IdentitySchemaVersions.Version3 } }))
        .BuildServiceProvider();

    private readonly string? _sqlitePath;

    private TestDatabase(DatabaseOptions options, string? sqlitePath = null)
    {
        Options = options;
        _sqlitePath = sqlitePath;
    }

    public static TestDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stretching-db-{Guid.NewGuid():N}.db");
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={path}"), path);
    }

    public static TestDatabase PostgreSql() => new(PostgresServer.CreateDatabase());

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public StretchingDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<StretchingDbContext>().UseApplicationServiceProvider(IdentityServices);
        StretchingDatabase.Configure(options, Options);
        return new StretchingDbContext(options.Options);
    }

    public void Dispose()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqlitePath);
        }
        else
        {
            PostgresServer.DropDatabase(Options);
        }
    }
}
