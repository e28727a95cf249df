using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Stretching.Web.Tests.Accounts;

/// <summary>
/// People for tests of user data: each signs up through the account API, confirms the address with the
/// link the app emailed (read from its outbox folder), and signs in with a cookie of their own.
/// </summary>
internal static partial class People
{
    public const string Password = "Stretch-2026!";

    /// <summary>A new person, signed in; the client carries their cookie.</summary>
    public static async Task<HttpClient> SignedInAsync(StretchingAppFactory app, string? email = null)
    {
        email ??= $"person-{Guid.NewGuid():N}@example.test";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientOptions.BaseAddress });
        await RegisterAndConfirmAsync(app, client, email);
        var login = await client.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    public static async Task RegisterAndConfirmAsync(StretchingAppFactory app, HttpClient client, string email)
    {
        var register = await client.PostAsJsonAsync("/api/account/register", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        var confirm = await client.GetAsync(LinkIn(await EmailToAsync(app, email)));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
    }

    /// <summary>The newest message the app wrote to its outbox for an address.</summary>
    public static async Task<string> EmailToAsync(StretchingAppFactory app, string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var file = Directory.Exists(app.OutboxDirectory)
                ? Directory.GetFiles(app.OutboxDirectory, $"*-{email}.txt").Order().LastOrDefault()
                : null;
            if (file is not null) return await File.ReadAllTextAsync(file);
            await Task.Delay(20);
        }
        throw new InvalidOperationException($"No email to {email} in {app.OutboxDirectory}.");
    }

    /// <summary>The first link of an email, as a path and query the test client can follow.</summary>
    public static string LinkIn(string email)
    {
        var url = new Uri(Link().Match(email).Value);
        return url.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
