using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Stretching.Web.Tests.Security;

/// <summary>
/// Behind a proxy that terminates TLS (here: requests from 127.0.0.1 with X-Forwarded-Proto), a published
/// app treats the request as HTTPS: HSTS is sent and the cookies are Secure. Without ForwardedHeaders:Enabled
/// the same headers are ignored, so no one can claim HTTPS by sending them.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";

    private readonly KestrelApp _proxied = new(new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" }, environment: "Production");
    private readonly KestrelApp _direct = new(environment: "Production");
    private readonly KestrelApp _redirecting = new(
        new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true", ["HTTPS_PORT"] = "443" }, environment: "Production");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _proxied.DisposeAsync();
        await _direct.DisposeAsync();
        await _redirecting.DisposeAsync();
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string proto)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "stretching.example";
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    [Fact]
    public async Task AForwardedHttpsRequestGetsHstsAndSecureCookies()
    {
        using var client = _proxied.CreateSocketClient();

        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", "https"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgeryCookie, StringComparison.OrdinalIgnoreCase);

        var signIn = await SignInAsync(_proxied, client, "https");
        Assert.Contains("secure", signIn, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AForwardedHttpRequestGetsNeitherHstsNorSecureCookiesNorARedirectWhenNoHttpsPortIsKnown()
    {
        using var client = _proxied.CreateSocketClient();

        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/", "http"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        var signIn = await SignInAsync(_proxied, client, "http");
        Assert.DoesNotContain("secure", signIn, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WhenHttpsIsServedPlainHttpIsRedirectedButHealthProbesAreNot()
    {
        using var client = _redirecting.CreateSocketClient();

        var plain = await client.SendAsync(Forwarded(HttpMethod.Get, "/exercises?q=cat", "http"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://stretching.example/exercises?q=cat", plain.Headers.Location?.ToString());

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Forwarded(HttpMethod.Get, "/exercises?q=cat", "https"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Forwarded(HttpMethod.Get, "/health", "http"))).StatusCode);
    }

    [Fact]
    public async Task WithoutForwardedHeadersEnabledAClaimedHttpsIsIgnored()
    {
        using var client = _direct.CreateSocketClient();

        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/", "https"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        var signIn = await SignInAsync(_direct, client, "https");
        Assert.DoesNotContain("secure", signIn, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void KnownProxiesAndNetworksComeFromConfiguration()
    {
        using var app = new StretchingAppFactory().WithWebHostBuilder(builder => builder
            .UseSetting("ForwardedHeaders:KnownProxies", "10.1.2.3, 2001:db8::5")
            .UseSetting("ForwardedHeaders:KnownNetworks:0", "172.16.0.0/12")
            .UseSetting("ForwardedHeaders:KnownNetworks:1", "fd00::/8"));

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Contains(IPAddress.Parse("10.1.2.3"), options.KnownProxies);
        Assert.Contains(IPAddress.Parse("2001:db8::5"), options.KnownProxies);
        Assert.Contains(IPAddress.IPv6Loopback, options.KnownProxies);
        Assert.Contains(System.Net.IPNetwork.Parse("172.16.0.0/12"), options.KnownIPNetworks);
        Assert.Contains(System.Net.IPNetwork.Parse("fd00::/8"), options.KnownIPNetworks);
    }

    /// <summary>Signs a new person in with a cookie through the account API; returns the sign-in cookie's Set-Cookie.</summary>
    private static async Task<string> SignInAsync(KestrelApp app, HttpClient client, string proto)
    {
        var email = await app.CreateConfirmedPersonAsync(Password);
        var request = Forwarded(HttpMethod.Post, "/api/account/login?useCookies=true", proto);
        request.Content = JsonContent.Create(new { email, password = Password });

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stretching.auth=", StringComparison.Ordinal));
    }
}
