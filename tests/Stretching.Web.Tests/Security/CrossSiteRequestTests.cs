using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Stretching.Web.Tests.Accounts;

namespace Stretching.Web.Tests.Security;

/// <summary>
/// A page on another site cannot change a signed-in person's data through the JSON APIs: such requests
/// carrying a cookie are refused with 403 problem+json when Origin or Sec-Fetch-Site says they come from
/// elsewhere. The app's own pages, scripts with a bearer token and reads are not affected.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CrossSiteRequestTests(StretchingAppFactory app)
{
    private const string ChangeAccount = "/api/account/manage/info";

    private static HttpRequestMessage Post(string url, string? origin = null, string? fetchSite = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content ?? JsonContent.Create(new { }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("another site", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("http://localhost.evil.example", null)]
    [InlineData("http://localhost:8080", null)]
    [InlineData("null", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    [InlineData("http://localhost", "cross-site")]
    public async Task ACookieRequestFromAnotherSiteIsRefused(string? origin, string? fetchSite)
    {
        var client = await People.SignedInAsync(app);

        await AssertRefusedAsync(await client.SendAsync(Post(ChangeAccount, origin, fetchSite)));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task EveryChangeUnderApiMeIsChecked(string method)
    {
        var client = await People.SignedInAsync(app);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/me/sessions/some-id") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        await AssertRefusedAsync(await client.SendAsync(request));
    }

    [Theory]
    [InlineData("http://localhost", "same-origin")]
    [InlineData("http://localhost", null)]
    [InlineData(null, "same-origin")]
    [InlineData(null, null)]
    public async Task TheAppsOwnPagesAndCookieClientsWithoutOriginAreServed(string? origin, string? fetchSite)
    {
        var client = await People.SignedInAsync(app);

        var response = await client.SendAsync(Post(ChangeAccount, origin, fetchSite));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ABearerTokenRequestIsNotAffected()
    {
        var email = $"bearer-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await People.RegisterAndConfirmAsync(app, client, email);
        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = People.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        using var request = Post(ChangeAccount, "https://tool.example", "cross-site");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Cookie", "unrelated=1");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ReadsAreNotAffected()
    {
        var client = await People.SignedInAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, ChangeAccount);
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    /// <summary>What a cross-site HTML form can send: form or plain-text bodies, which the JSON APIs refuse.</summary>
    [Theory]
    [InlineData("application/x-www-form-urlencoded", "newEmail=attacker%40evil.example")]
    [InlineData("text/plain", """{"newEmail":"attacker@evil.example"}""")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"newEmail\"\r\n\r\nattacker@evil.example\r\n--x--\r\n")]
    public async Task TheJsonApisTakeNoBodyAFormCanSend(string contentType, string body)
    {
        var client = await People.SignedInAsync(app);
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await client.SendAsync(Post(ChangeAccount, content: content));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
