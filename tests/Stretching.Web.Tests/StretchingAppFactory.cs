using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Stretching.Web.Data;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests;

/// <summary>The real app over a fresh SQLite file in a temporary folder, removed afterwards.</summary>
public class StretchingAppFactory : WebApplicationFactory<Program>
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "stretching-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Directory, "stretching.db");

    /// <summary>Where the default email transport writes messages: the storage folder, here the temporary one.</summary>
    public string OutboxDirectory => Path.Combine(Directory, "mail");

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Another app of the same kind, on a database of its own.</summary>
    public virtual StretchingAppFactory CreateAnother() => new();

    /// <summary>Points the app at its database: here a SQLite file in the temporary folder.</summary>
    protected virtual void ConfigureDatabase(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:Stretching", $"Data Source={DatabasePath}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(Directory);
        ConfigureDatabase(builder);
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Directory, "logs", "stretching-.log"));
        // Many tests sign in from the same address; the limit itself is tested with a factory of its own.
        builder.UseSetting("RateLimits:Account:PermitLimit", "100000");
        builder.UseSetting("RateLimits:CalendarFeed:PermitLimit", "100000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>
/// The real app on PostgreSQL, on a database of its own that is created when the app first starts and
/// dropped afterwards; keys and mail go to its own temporary folder. <see cref="AnotherInstance"/> starts
/// a second app on the same database, as a second server behind a proxy would be.
/// </summary>
public sealed class PostgresAppFactory : StretchingAppFactory
{
    private readonly Lazy<DatabaseOptions> _database;
    private readonly bool _ownsDatabase;

    public PostgresAppFactory()
        : this(new Lazy<DatabaseOptions>(PostgresServer.CreateDatabase), ownsDatabase: true)
    {
    }

    private PostgresAppFactory(Lazy<DatabaseOptions> database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    public DatabaseOptions Database => _database.Value;

    public override StretchingAppFactory CreateAnother() => new PostgresAppFactory();

    /// <summary>A second instance on this one's database (created now if it was not yet), with a folder of its own; this factory drops the database.</summary>
    public PostgresAppFactory AnotherInstance()
    {
        var database = _database.Value;
        return new PostgresAppFactory(new Lazy<DatabaseOptions>(() => database), ownsDatabase: false);
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseOptions.ProviderKey, "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Stretching", _database.Value.ConnectionString);
        builder.UseSetting("Storage:Directory", Directory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase && _database.IsValueCreated)
        {
            PostgresServer.DropDatabase(_database.Value);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<StretchingAppFactory>
{
    public const string Name = "app";
}

/// <summary>The user-data tests' PostgreSQL app, shared like <see cref="AppCollection"/>'s SQLite one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresAppCollection : ICollectionFixture<PostgresAppFactory>
{
    public const string Name = "app on PostgreSQL";
}
