using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Pages;

/// <summary>
/// Every signed-in page of a person with a saved session, a plan and a played session answers, on each
/// provider. On PostgreSQL the database answers asynchronously, so a page renders once before its data
/// is loaded; this catches a page whose markup cannot bear that.
/// </summary>
public abstract class SignedInPagesTests(StretchingAppFactory app)
{
    [ProviderFact]
    public async Task EverySignedInPageAnswersWithThePersonsData()
    {
        var person = await People.SignedInAsync(app);
        var saved = await person.PostAsJsonAsync("/api/me/sessions", new { name = "Morning roll-down", routine = "twelve-back-stretches" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var savedId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        // Today's slot, late in the day, is what the home page offers; a plan's days before it was made are not listed.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DayOfWeek.ToString().ToLowerInvariant();
        var plan = await person.PutAsJsonAsync("/api/me/plan", new
        {
            goal = "back-health", timeZone = "Europe/Berlin",
            slots = new[] { new { day = "monday", time = "19:30", play = new { session = savedId } }, new { day = today, time = "23:59", play = new { session = savedId } } },
        });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var slotId = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slots")[0].GetProperty("id").GetString();

        var routine = await app.CreatePlainClient().GetFromJsonAsync<JsonElement>("/api/routines/twelve-back-stretches");
        var items = routine.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => new { slug = i.GetProperty("slug").GetString(), side = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(), status = "done", seconds = 30 })
            .ToArray();
        var recordId = Guid.NewGuid().ToString();
        var started = DateTimeOffset.UtcNow.AddDays(-1);
        var record = await person.PostAsJsonAsync("/api/me/history", new
        {
            id = recordId, startedAt = started, finishedAt = started.AddMinutes(31), timeZone = "Europe/Berlin",
            source = new { routine = "twelve-back-stretches" }, items, painBefore = 5, painAfter = 2, ease = 2,
        });
        Assert.Equal(HttpStatusCode.Created, record.StatusCode);

        foreach (var (path, expected) in new[]
                 {
                     ("/", "Morning roll-down"), ("/library", "Morning roll-down"), ($"/library/{savedId}", "Morning roll-down"),
                     ("/plan", "19:30"), ($"/plan/slots/{slotId}", "19:30"), ("/plan/print", "19:30"), ("/plan/generate", "Plan my week"),
                     ("/history", "pain 5"), ($"/history/{recordId}", "pain 5 before"), ("/history/report", "Stretching report"),
                     ("/history/sessions", recordId),
                     ("/profile", "Europe/Berlin"),
                 })
        {
            var response = await person.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }
    }
}

[Collection(AppCollection.Name)]
public sealed class SignedInPagesTestsOnSqlite(StretchingAppFactory app) : SignedInPagesTests(app);

[OnPostgreSql]
[Collection(PostgresAppCollection.Name)]
public sealed class SignedInPagesTestsOnPostgreSql(PostgresAppFactory app) : SignedInPagesTests(app);
