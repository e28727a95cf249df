using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Player;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Calendar;

/// <summary>The plan's calendar feed as calendar apps fetch it: no cookie, a secret address, stable events, no health data.</summary>
public abstract partial class PlanFeedTests(StretchingAppFactory app)
{
    private static readonly object[] Week =
    [
        new { day = "monday", time = "19:30", play = new { routine = "dancer-complex" } },
        new { day = "wednesday", time = "19:30", play = new { preset = new { minutes = 30, level = "beginner", equipment = new[] { "mat" }, conditions = new[] { "hernia", "glaucoma" } } } },
        new { day = "saturday", time = "10:00", play = new { preset = new { minutes = 20, level = "beginner", focus = new[] { "neck" } } } },
    ];

    private async Task<(HttpClient Person, string FeedPath, JsonElement Plan)> PersonWithAPlanAsync(string timeZone = "Europe/Berlin")
    {
        var person = await People.SignedInAsync(app);
        var response = await person.PutAsJsonAsync("/api/me/plan", new { goal = "back-health", timeZone, slots = Week, alarmMinutes = 15 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (person, new Uri(plan.GetProperty("calendarUrl").GetString()!).PathAndQuery, plan);
    }

    private static IEnumerable<(string Uid, int Sequence, string Start)> Events(string calendar) =>
        Vevent().Matches(Unfolded(calendar)).Select(m => m.Value).Select(e => (
            Field(e, "UID"), int.Parse(Field(e, "SEQUENCE")), Field(e, "DTSTART")));

    private static string Unfolded(string text) => text.Replace("\r\n ", "");

    private static string Field(string vevent, string name) => Regex.Match(vevent, $@"\r\n{name}[^:\r\n]*:([^\r\n]*)").Groups[1].Value;

    [ProviderFact]
    public async Task TheFeedIsReadWithoutACookieByItsSecretAddressAndCarriesNoHealthData()
    {
        var (_, path, _) = await PersonWithAPlanAsync();
        var calendarApp = app.CreatePlainClient();

        var response = await calendarApp.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        foreach (var property in new[] { "VERSION:2.0", "PRODID:", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:", "NAME:", "REFRESH-INTERVAL;VALUE=DURATION:", "X-PUBLISHED-TTL:", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:VALARM", "TRIGGER:-PT15M" })
        {
            Assert.Contains(property, text);
        }
        // Ten weeks of three sessions: two back and eight ahead, with this week.
        Assert.InRange(Events(text).Count(), 27, 33);
        foreach (var word in new[] { "hernia", "Hernia", "glaucoma", "Glaucoma", "condition" })
        {
            Assert.DoesNotContain(word, Unfolded(text));
        }

        var head = await calendarApp.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(response.Headers.ETag, head.Headers.ETag);
        var cached = new HttpRequestMessage(HttpMethod.Get, path);
        cached.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await calendarApp.SendAsync(cached)).StatusCode);

        var folder = Directory.CreateTempSubdirectory("stretching-feed-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "feed.ics"), await response.Content.ReadAsByteArrayAsync());
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "feeds.json"), JsonSerializer.Serialize(new[] { new { file = "feed.ics", events = Events(text).Count(), zone = "Europe/Berlin" } }));
            await NodeTestRunner.RunAsync("plan-feed.test.mjs", new Dictionary<string, string> { ["PLAN_FEED_DIR"] = folder.FullName }, folder: "Calendar");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [ProviderFact]
    public async Task UidsStayAcrossRequestsAndEditsAndAMovedOrChangedSessionRaisesItsSequence()
    {
        var (person, path, plan) = await PersonWithAPlanAsync();
        var calendarApp = app.CreatePlainClient();
        var first = Events(await calendarApp.GetStringAsync(path)).ToList();
        Assert.Equal(first, Events(await calendarApp.GetStringAsync(path)).ToList());
        Assert.Equal(first.Count, first.Select(e => e.Uid).Distinct().Count());

        // Move next Monday's session to 20:00 that day, through the slot's own page.
        var week = await person.GetFromJsonAsync<JsonElement>("/api/me/plan/week");
        var nextWeek = await person.GetFromJsonAsync<JsonElement>($"/api/me/plan/week?start={DateOnly.Parse(week.GetProperty("start").GetString()!).AddDays(7):yyyy-MM-dd}");
        var monday = nextWeek.GetProperty("occurrences").EnumerateArray().First(o => o.GetProperty("slotId").GetString() == plan.GetProperty("slots")[0].GetProperty("id").GetString());
        var slotUrl = $"/plan/slots/{monday.GetProperty("slotId").GetString()}?date={monday.GetProperty("date").GetString()}";
        var (_, slotPage) = await Pages.HtmlPage.GetAsync(person, slotUrl);
        var moved = await Pages.HtmlForm.SubmitAsync(person, slotUrl, slotPage, "form.move-form",
            new Dictionary<string, string[]> { ["date"] = [monday.GetProperty("date").GetString()!], ["time"] = ["20:00"] });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var after = Events(await calendarApp.GetStringAsync(path)).ToList();
        var uid = first.Single(e => e.Uid.StartsWith(monday.GetProperty("id").GetString()!, StringComparison.Ordinal));
        var movedEvent = after.Single(e => e.Uid == uid.Uid);
        Assert.EndsWith("T200000", movedEvent.Start);
        Assert.True(movedEvent.Sequence > uid.Sequence);
        Assert.Equal(first.Select(e => e.Uid).Order(), after.Select(e => e.Uid).Order());

        // Changing the slot for every week raises every one of its events; deleting it takes them all away.
        var slots = plan.GetProperty("slots").EnumerateArray().Select(s => JsonSerializer.Deserialize<Dictionary<string, object>>(s.GetRawText())!).ToList();
        slots[0]["time"] = "18:45";
        Assert.Equal(HttpStatusCode.OK, (await person.PutAsJsonAsync("/api/me/plan", new { goal = "back-health", timeZone = "Europe/Berlin", slots, alarmMinutes = 15 })).StatusCode);
        var changed = Events(await calendarApp.GetStringAsync(path)).ToList();
        var slotId = plan.GetProperty("slots")[0].GetProperty("id").GetString()!;
        Assert.All(changed.Where(e => e.Uid.StartsWith(slotId + "-", StringComparison.Ordinal)), e =>
            Assert.True(e.Sequence > first.Single(f => f.Uid == e.Uid).Sequence));
        Assert.Equal(HttpStatusCode.OK, (await person.PutAsJsonAsync("/api/me/plan", new { goal = "back-health", timeZone = "Europe/Berlin", slots = slots.Skip(1), alarmMinutes = 15 })).StatusCode);
        Assert.DoesNotContain(Events(await calendarApp.GetStringAsync(path)), e => e.Uid.StartsWith(slotId + "-", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task AnUnknownAddressIsA404ANewAddressRetiresTheOldAndGuessingIsRateLimited()
    {
        var (person, path, _) = await PersonWithAPlanAsync();
        var (other, otherPath, _) = await PersonWithAPlanAsync();
        var calendarApp = app.CreatePlainClient();
        Assert.NotEqual(path, otherPath);

        var (_, page) = await Pages.HtmlPage.GetAsync(person, "/plan");
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.HtmlForm.SubmitNamedAsync(person, "/plan", page, "feed-new")).StatusCode);
        var newPath = new Uri((await person.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("calendarUrl").GetString()!).PathAndQuery;
        Assert.NotEqual(path, newPath);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(newPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(otherPath)).StatusCode);

        var (_, again) = await Pages.HtmlPage.GetAsync(person, "/plan");
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.HtmlForm.SubmitNamedAsync(person, "/plan", again, "feed-off")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(newPath)).StatusCode);
        Assert.False((await person.GetFromJsonAsync<JsonElement>("/api/me/plan")).TryGetProperty("calendarUrl", out var url) && url.ValueKind == JsonValueKind.String);

        _ = other;
    }

    [ProviderFact]
    public async Task GuessingAddressesIsRateLimitedWhileAKnownAddressKeepsWorking()
    {
        using var guarded = app.CreateAnother();
        using var limited = guarded.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:CalendarFeed:PermitLimit", "3"));
        var calendarApp = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await calendarApp.GetAsync($"/calendar/guess{i:D20}xxxxxxxx.ics")).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var refused = await calendarApp.GetAsync("/calendar/another-guess-xxxxxxxxxxxxxx.ics");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [GeneratedRegex(@"BEGIN:VEVENT.*?END:VEVENT", RegexOptions.Singleline)]
    private static partial Regex Vevent();
}

[Collection(AppCollection.Name)]
public sealed class PlanFeedTestsOnSqlite(StretchingAppFactory app) : PlanFeedTests(app);

[OnPostgreSql]
[Collection(PostgresAppCollection.Name)]
public sealed class PlanFeedTestsOnPostgreSql(PostgresAppFactory app) : PlanFeedTests(app);
