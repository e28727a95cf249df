using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Testing;
using Stretching.Web.Data;

namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>
/// What the several-instances test needs besides Chromium: a PostgreSQL server and Debian's nginx. It
/// skips with a message when one is missing, unless the variable .ci/run sets demands them.
/// </summary>
public static class ProxyRequirement
{
    public const string NginxPath = "/usr/sbin/nginx";
    public const string RequireVariable = "STRETCHING_REQUIRE_NGINX";

    public static string? SkipReason =>
        BrowserRequirement.SkipReason
        ?? PostgresServer.SkipReason
        ?? (File.Exists(NginxPath) || Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"nginx not found at {NginxPath}: install it (apt-get install nginx), or set {RequireVariable}=1 to fail instead of skipping.");
}

public sealed class ProxyFactAttribute : FactAttribute
{
    public ProxyFactAttribute() => Skip = ProxyRequirement.SkipReason;
}

/// <summary>
/// One app instance on real Kestrel (a free 127.0.0.1 port) over a shared PostgreSQL database, with a
/// folder of its own (so nothing passes between instances through the disk) and a test-only response
/// header naming it, so a test behind the proxy can tell which instance answered.
/// </summary>
public sealed class AppInstance : WebApplicationFactory<Program>
{
    public const string InstanceHeader = "X-Test-Instance";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stretching-instance-" + Guid.NewGuid().ToString("N"));
    private readonly DatabaseOptions _database;
    private Uri? _baseAddress;

    public AppInstance(string name, DatabaseOptions database)
    {
        Name = name;
        _database = database;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string Name { get; }

    public string OutboxDirectory => Path.Combine(_directory, "mail");

    public Uri BaseAddress => _baseAddress ??= Start();

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseSetting(DatabaseOptions.ProviderKey, "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Stretching", _database.ConnectionString);
        builder.UseSetting("Storage:Directory", _directory);
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "stretching-.log"));
        builder.UseSetting("RateLimits:Account:PermitLimit", "100000");
        // As deployed behind a proxy: the proxy on loopback is trusted for the visitor's scheme, host and address.
        builder.UseSetting("ForwardedHeaders:Enabled", "true");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new NameResponses(Name)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class NameResponses(string name) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Response.Headers[InstanceHeader] = name;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Debian's nginx as a child process on a free 127.0.0.1 port, round-robin over the given upstreams,
/// with its configuration, pid, logs and buffers in a temporary folder of its own. It passes the
/// browser's Host on (the app checks Origin against it) and the X-Forwarded-* headers.
/// </summary>
public sealed class Nginx : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private Nginx(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<Nginx> StartAsync(IEnumerable<Uri> upstreams)
    {
        var directory = Path.Combine(Path.GetTempPath(), "stretching-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var servers = string.Concat(upstreams.Select(u => $"        server {u.Host}:{u.Port};\n"));
        var config = Path.Combine(directory, "nginx.conf");
        // One process, in the foreground, as this user: a test's child, not a system service.
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream stretching {
            {{servers}}    }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://stretching;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-Host $http_host;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(ProxyRequirement.NginxPath)
        {
            ArgumentList = { "-p", directory, "-c", config, "-e", Path.Combine(directory, "error.log") },
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new Nginx(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                var log = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : "";
                nginx.Dispose();
                throw new InvalidOperationException($"nginx exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()} {log}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        nginx.Dispose();
        throw new InvalidOperationException($"nginx did not listen on port {port} within 5 s.");
    }

    /// <summary>A port nothing listens on now; nginx takes it a moment later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
