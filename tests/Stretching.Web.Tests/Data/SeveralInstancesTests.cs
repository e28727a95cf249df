using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Core.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Data;

/// <summary>
/// Two instances of the app on one PostgreSQL database, each with a folder of its own, as two servers
/// behind a proxy: started together on an empty database, then one's cookies and calendar addresses
/// must work on the other, and what one worked out from a history must never hide what the other stored.
/// </summary>
[OnPostgreSql]
public sealed class SeveralInstancesTests
{
    [ProviderFact]
    public async Task InstancesStartedTogetherShareOneSchemaOneCatalogOneKeyRingAndOneCalendarKey()
    {
        using var first = new PostgresAppFactory();
        using var second = first.AnotherInstance();

        // Each start migrates, seeds and makes sure of a data-protection key, both at once.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        using (var scope = first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            var catalog = CatalogFiles.LoadExercises(Path.Combine(AppContext.BaseDirectory, "data"));
            Assert.Equal(catalog.Count, await db.Exercises.CountAsync());
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

        // Signed in on the first, the same cookie is a sign-in on the second.
        var email = $"person-{Guid.NewGuid():N}@example.test";
        var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await People.RegisterAndConfirmAsync(first, onFirst, email);
        var login = await onFirst.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = People.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);
        onFirst.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/me/profile")).StatusCode);

        // A plan saved through the first gets a calendar address the second serves.
        var saved = await onFirst.PutAsJsonAsync("/api/me/plan", new
        {
            goal = "back-health",
            timeZone = "Europe/Berlin",
            slots = new[] { new { day = "monday", time = "19:30", play = new { routine = "dancer-complex" } } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var feed = new Uri((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("calendarUrl").GetString()!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await second.CreatePlainClient().GetAsync(feed)).StatusCode);
        Assert.Equal(
            (await onFirst.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("calendarUrl").GetString(),
            (await onSecond.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("calendarUrl").GetString());

        // Each works out the progress from the history and keeps it; a session stored or deleted through
        // one is in the other's next answer all the same.
        async Task<int> PointsOnFirstAsync() =>
            (await onFirst.GetFromJsonAsync<JsonElement>("/api/me/progress")).GetProperty("pain").GetProperty("points").GetArrayLength();
        Assert.Equal(0, await PointsOnFirstAsync());
        var record = await PlayedRecords.ThroughAsync(onSecond, startedAt: DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(HttpStatusCode.Created, (await onSecond.PostAsync("/api/me/history", JsonContent.Create(record))).StatusCode);
        Assert.Equal(1, await PointsOnFirstAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await onSecond.DeleteAsync($"/api/me/history/{record["id"]}")).StatusCode);
        Assert.Equal(0, await PointsOnFirstAsync());
    }
}
