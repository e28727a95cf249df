using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Stretching.Web.Tests.Accounts;

namespace Stretching.Web.Tests.Security;

/// <summary>
/// BREACH: a response that mixes a secret with text an attacker chose must not be compressed. Anonymous
/// pages and the public API are compressed; anything sent to a signed-in person, by cookie or bearer
/// token, and the account pages (antiforgery tokens even before sign-in) are not.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CompressionTests(StretchingAppFactory app)
{
    /// <summary>A search echoed back in the page: the attacker-chosen text of a BREACH attack.</summary>
    private const string EchoingPage = "/exercises?q=cat";

    private static async Task<string?> EncodingOfAsync(HttpClient client, string url, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }

    [Theory]
    [InlineData(EchoingPage)]
    [InlineData("/build?minutes=30&level=beginner&seed=7")]
    [InlineData("/api/exercises?q=cat")]
    public async Task AnonymousPagesAndThePublicApiAreCompressed(string url)
    {
        Assert.Equal("br", await EncodingOfAsync(app.CreatePlainClient(), url));
    }

    [Theory]
    [InlineData(EchoingPage)]
    [InlineData("/build?minutes=30&level=beginner&seed=7")]
    [InlineData("/api/exercises?q=cat")]
    [InlineData("/api/account/manage/info")]
    [InlineData("/Account/Manage")]
    public async Task NothingSentToAPersonSignedInWithACookieIsCompressed(string url)
    {
        var client = await People.SignedInAsync(app);

        Assert.Null(await EncodingOfAsync(client, url));
    }

    [Theory]
    [InlineData("/api/exercises?q=cat")]
    [InlineData("/api/account/manage/info")]
    public async Task NothingSentToAScriptWithABearerTokenIsCompressed(string url)
    {
        var email = $"bearer-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await People.RegisterAndConfirmAsync(app, client, email);
        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = People.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        Assert.Null(await EncodingOfAsync(client, url, token));
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task TheAccountPagesAreNeverCompressed(string url)
    {
        Assert.Null(await EncodingOfAsync(app.CreatePlainClient(), url));
    }
}
