using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Accounts;

public abstract class AccountApiTests(StretchingAppFactory app)
{
    [ProviderFact]
    public async Task APersonSignsUpConfirmsByTheEmailedLinkAndSignsInWithACookie()
    {
        var email = $"new-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/register", new { email, password = People.Password })).StatusCode);
        var unconfirmed = await client.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = People.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, unconfirmed.StatusCode);

        var message = await People.EmailToAsync(app, email);
        Assert.Contains("Subject: Confirm your Stretching account", message);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(People.LinkIn(message))).StatusCode);

        var login = await client.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = People.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var info = await client.GetFromJsonAsync<JsonElement>("/api/account/manage/info");
        Assert.Equal(email, info.GetProperty("email").GetString());
    }

    [ProviderFact]
    public async Task AScriptCanSignInForABearerToken()
    {
        var email = $"script-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await People.RegisterAndConfirmAsync(app, client, email);

        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = People.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/manage/info");
        request.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [ProviderFact]
    public async Task RepeatedWrongPasswordsLockTheAccount()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await People.RegisterAndConfirmAsync(app, client, email);

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = "wrong-Password1!" });
        }
        var right = await client.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = People.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", await right.Content.ReadAsStringAsync());
    }
}

[Collection(AppCollection.Name)]
public sealed class AccountApiTestsOnSqlite(StretchingAppFactory app) : AccountApiTests(app);

/// <summary>Identity on PostgreSQL too: its lockout end is a timestamptz, which takes only UTC.</summary>
[OnPostgreSql]
[Collection(PostgresAppCollection.Name)]
public sealed class AccountApiTestsOnPostgreSql(PostgresAppFactory app) : AccountApiTests(app);

/// <summary>Sign-in, registration and reset requests are limited per address; the limit answers 429 with Retry-After.</summary>
public sealed class AccountRateLimitTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _app = new StretchingAppFactory()
        .WithWebHostBuilder(builder => builder.UseSetting("RateLimits:Account:PermitLimit", "3"));

    [Theory]
    [InlineData("/api/account/login")]
    [InlineData("/api/account/register")]
    [InlineData("/api/account/forgotPassword")]
    public async Task TheFourthAttemptInAMinuteIsTooMany(string path)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync(path, new { email = "nobody@example.test", password = "x" })).StatusCode);
        }

        var limited = await client.PostAsJsonAsync(path, new { email = "nobody@example.test", password = "x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheSignInPageIsLimitedToo()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.test" }));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("Too many attempts", await last.Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
