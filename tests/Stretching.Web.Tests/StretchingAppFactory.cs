using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Stretching.Web.Tests;

/// <summary>The real app over a fresh SQLite file in a temporary folder, removed afterwards.</summary>
public sealed class StretchingAppFactory : WebApplicationFactory<Program>
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "stretching-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Directory, "stretching.db");

    /// <summary>Where the default email transport writes messages: beside the database.</summary>
    public string OutboxDirectory => Path.Combine(Directory, "mail");

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(Directory);
        builder.UseSetting("ConnectionStrings:Stretching", $"Data Source={DatabasePath}");
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

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<StretchingAppFactory>
{
    public const string Name = "app";
}
