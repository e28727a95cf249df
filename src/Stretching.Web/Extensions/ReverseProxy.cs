using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Stretching.Web.Extensions;

/// <summary>
/// Running behind a reverse proxy that terminates TLS: with ForwardedHeaders:Enabled, the X-Forwarded-*
/// headers of the proxies listed in ForwardedHeaders:KnownProxies and ForwardedHeaders:KnownNetworks
/// (loopback is always trusted) give each request the visitor's scheme, host and address. Everything
/// after that sees an HTTPS request as HTTPS: the sign-in cookie is Secure, HSTS is sent, and the rate
/// limits count visitors rather than the proxy.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddReverseProxySupport(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = List(section.GetSection("KnownProxies")).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address.")).ToList();
        var networks = List(section.GetSection("KnownNetworks")).Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a network in CIDR notation (10.0.0.0/8).")).ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults (127.0.0.0/8 and ::1) stay: a proxy on the same machine is trusted as well.
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline, so logging, HTTPS, cookies and rate limits all see the visitor's request.</summary>
    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        if (app.Configuration.GetValue($"{Section}:Enabled", false))
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>
    /// HSTS is only ever sent on HTTPS responses (direct, or forwarded as HTTPS by a trusted proxy), and
    /// not in development. Plain HTTP is redirected only when the app knows where HTTPS is served: it
    /// listens on HTTPS itself, or HTTPS_PORT names the proxy's port. An app served over plain HTTP only
    /// (a container behind a proxy that forwards nothing, a laptop) is left alone.
    /// </summary>
    public static WebApplication UseHttpsWhereServed(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        if (KnowsHttpsPort(app.Configuration))
        {
            // Health probes call the container's own plain-HTTP port; a redirect would fail them.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        return app;
    }

    private static bool KnowsHttpsPort(IConfiguration configuration) =>
        configuration["HTTPS_PORT"] is { Length: > 0 }
        || configuration["HTTPS_PORTS"] is { Length: > 0 }
        || (configuration["URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => endpoint["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A list from configuration: an array (Key:0, Key:1) or one value separated by commas or spaces.</summary>
    private static IEnumerable<string> List(IConfigurationSection section) =>
        section.GetChildren().Select(child => child.Value ?? "").Prepend(section.Value ?? "")
        .SelectMany(item => item.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
