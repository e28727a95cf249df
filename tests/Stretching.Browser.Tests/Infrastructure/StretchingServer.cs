using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>
/// The real app served by Kestrel on a free 127.0.0.1 port over a fresh SQLite file in a
/// temporary folder, removed afterwards. It starts on first use, so skipped runs never start it.
/// </summary>
public sealed class StretchingServer : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stretching-browser-" + Guid.NewGuid().ToString("N"));
    private Uri? _baseAddress;

    public StretchingServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress => _baseAddress ??= Start();

    /// <summary>Where the default email transport writes messages: beside the database.</summary>
    public string OutboxDirectory => Path.Combine(_directory, "mail");

    private Task<TestPerson>? _person;

    /// <summary>The one person whose pages the page-wide checks visit, made on first use.</summary>
    public Task<TestPerson> PersonAsync(BrowserFixture browser) => _person ??= TestPerson.CreateAsync(this, browser);

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting("ConnectionStrings:Stretching", $"Data Source={Path.Combine(_directory, "stretching.db")}");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "stretching-.log"));
        // Every signed-in page check signs in from 127.0.0.1; the limit itself has tests of its own.
        builder.UseSetting("RateLimits:Account:PermitLimit", "100000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
