using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Stretching.Web.Tests.Security;

/// <summary>
/// On real Kestrel, where request body limits are enforced: a body over the limit is a 413 and a body
/// that cannot be read is a 400, both problem+json without internals, never a 500.
/// </summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly KestrelApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ABodyOverTheBuildersSixteenKilobytesIsA413ProblemWithoutInternals()
    {
        using var client = _app.CreateSocketClient();
        var body = $$"""{ "minutes": 45, "level": "beginner", "include": ["{{new string('x', 20_000)}}"] }""";

        var response = await client.PostAsync("/api/sessions/build", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request is too large", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("Kestrel", text);
        Assert.DoesNotContain("16384", text);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ABodyUnderTheLimitIsStillBuilt()
    {
        using var client = _app.CreateSocketClient();
        var response = await client.PostAsJsonAsync("/api/sessions/build", new { minutes = 30, level = "beginner", seed = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A chunked body whose chunk size is not a number: Kestrel throws while the handler reads it.</summary>
    [Fact]
    public async Task AMalformedBodyIsA400ProblemWithoutInternals()
    {
        var (head, body) = await SendMalformedChunkedAsync("/api/sessions/build", "application/json");

        Assert.StartsWith("HTTP/1.1 400 ", head);
        Assert.Contains("Content-Type: application/problem+json", head);
        Assert.Contains("\"The request could not be read\"", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("chunk", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A form that cannot be read fails its antiforgery check before anything else reads it.</summary>
    [Fact]
    public async Task AMalformedFormIsA400()
    {
        var (head, body) = await SendMalformedChunkedAsync("/Account/Login", "application/x-www-form-urlencoded");

        Assert.StartsWith("HTTP/1.1 400 ", head);
        Assert.DoesNotContain("Exception", body);
    }

    private async Task<(string Head, string Body)> SendMalformedChunkedAsync(string path, string contentType)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"POST {path} HTTP/1.1\r\n"
            + $"Host: {_app.BaseAddress.Authority}\r\n"
            + $"Content-Type: {contentType}\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\n"
            + "zz\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (response[..end], response[(end + 4)..]);
    }
}
