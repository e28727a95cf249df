using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;

namespace Stretching.Web.Tests;

/// <summary>
/// The real app on real Kestrel (a free 127.0.0.1 port) over a fresh SQLite file, for what the in-memory
/// test server does not do: request body limits, connection-level errors, a proxy's forwarded headers.
/// Clients talk HTTP over a socket, as a browser or a proxy would.
/// </summary>
public sealed class KestrelApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stretching-kestrel-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private Uri? _baseAddress;

    public KestrelApp(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _environment = environment;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress => _baseAddress ??= Start();

    /// <summary>A plain socket client: no redirects followed, no cookies kept, nothing decompressed.</summary>
    public HttpClient CreateSocketClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>A person who can sign in at once (the confirmation email is skipped).</summary>
    public async Task<string> CreateConfirmedPersonAsync(string password)
    {
        _ = BaseAddress;
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"kestrel-{Guid.NewGuid():N}@example.test";
        var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        return email;
    }

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Stretching", $"Data Source={Path.Combine(_directory, "stretching.db")}");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "stretching-.log"));
        builder.UseSetting("RateLimits:Account:PermitLimit", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
