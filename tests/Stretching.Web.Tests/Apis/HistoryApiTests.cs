using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Core.Planning;
using Stretching.Web.Data;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Apis;

/// <summary>Played sessions through /api/me/history: kept exactly once, checked field by field, and never seen by another person.</summary>
public abstract class HistoryApiTests(StretchingAppFactory app)
{
    private Task<JsonObject> RecordAsync(string routine = "twelve-back-stretches", string? id = null, DateTimeOffset? startedAt = null) =>
        PlayedRecords.ThroughAsync(app.CreatePlainClient(), routine, id, startedAt);

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    [ProviderFact]
    public async Task ARecordIsKeptOnceASameBodyReplayIs200AndOtherContentUnderItsIdIs409()
    {
        var ann = await People.SignedInAsync(app);
        var record = await RecordAsync();
        var id = record["id"]!.GetValue<string>();

        var created = await ann.PostAsync("/api/me/history", Json(record));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/me/history/{id}", created.Headers.Location!.OriginalString);
        var stored = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("12 back stretches", stored.GetProperty("title").GetString());
        Assert.Equal(31, stored.GetProperty("minutes").GetInt32());

        // The same record again (a lost answer, a reload, the service worker): 200 and the same record, stored once.
        var replay = await ann.PostAsync("/api/me/history", Json(JsonNode.Parse(record.ToJsonString())!));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single((await ann.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!, r => r.GetProperty("id").GetString() == id);

        record["painAfter"] = 7;
        var conflict = await ann.PostAsync("/api/me/history", Json(record));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await ann.GetFromJsonAsync<JsonElement>($"/api/me/history/{id}")).GetProperty("painAfter").GetInt32());
    }

    [ProviderTheory]
    [InlineData("painBefore", "11", "painBefore")]
    [InlineData("painAfter", "-1", "painAfter")]
    [InlineData("ease", "6", "ease")]
    [InlineData("pauses", "-1", "pauses")]
    [InlineData("pausedSeconds", "4000", "pausedSeconds")]
    [InlineData("id", "\"not-a-uuid\"", "id")]
    [InlineData("startedAt", "\"2026-11-20T19:30:00\"", "startedAt")]
    [InlineData("finishedAt", "\"2026-11-20T18:00:00+01:00\"", "finishedAt")]
    [InlineData("finishedAt", "\"2099-01-01T00:00:00Z\"", "finishedAt")]
    [InlineData("timeZone", "\"Moon/Base\"", "timeZone")]
    [InlineData("source", "{ \"routine\": \"no-such\" }", "source.routine")]
    [InlineData("source", "{ \"routine\": \"dancer-complex\", \"session\": \"x\" }", "source")]
    [InlineData("items", "[{ \"slug\": \"plow\", \"side\": null, \"status\": \"done\", \"seconds\": 30 }]", "items[0].slug")]
    [InlineData("items", "[{ \"slug\": \"childs-pose\", \"side\": null, \"status\": \"half\", \"seconds\": 30 }]", "items[0].status")]
    [InlineData("flags", "[{ \"slug\": \"plow\", \"felt\": \"good\" }]", "flags[0].slug")]
    [InlineData("note", "\"" + "x" + "\"", null)]
    public async Task BadInputIsA400NamingTheFieldAndKeepsNothing(string field, string value, string? problemField)
    {
        var ann = await People.SignedInAsync(app);
        var record = await RecordAsync();
        record[field] = JsonNode.Parse(value);

        var response = await ann.PostAsync("/api/me/history", Json(record));

        if (problemField is null)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(problemField, out _), problem.GetRawText());
        Assert.Empty((await ann.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!);
    }

    [ProviderFact]
    public async Task AnotherPersonsRecordsAreNeverReadDeletedOrOverwritten()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var record = await RecordAsync();
        var id = record["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(record))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/me/history/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/me/history/{id}")).StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!);
        Assert.DoesNotContain(id, await bob.GetStringAsync("/api/me/history.csv"));
        // Bob sending a record under Ann's id makes a record of his own; hers is unchanged.
        record["painAfter"] = 9;
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsync("/api/me/history", Json(record))).StatusCode);
        Assert.Equal(2, (await ann.GetFromJsonAsync<JsonElement>($"/api/me/history/{id}")).GetProperty("painAfter").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await ann.DeleteAsync($"/api/me/history/{id}")).StatusCode);
        Assert.Equal(9, (await bob.GetFromJsonAsync<JsonElement>($"/api/me/history/{id}")).GetProperty("painAfter").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreatePlainClient().GetAsync("/api/me/history")).StatusCode);
    }

    [ProviderFact]
    public async Task TheJsonExportImportsBackTwiceWithoutDoublesAndAFileWithABadRecordChangesNothing()
    {
        var ann = await People.SignedInAsync(app);
        foreach (var day in new[] { 10, 12, 14 })
        {
            var record = await RecordAsync(startedAt: new DateTimeOffset(2026, 11, day, 19, 0, 0, TimeSpan.FromHours(1)));
            Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(record))).StatusCode);
        }
        var export = await ann.GetStringAsync("/api/me/history.json");
        var csv = await ann.GetStringAsync("/api/me/history.csv");
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"'=SUM(A1) felt fine, \"\"really\"\"\"", csv);

        var bob = await People.SignedInAsync(app);
        var imported = await bob.PostAsync("/api/me/history/import", new StringContent(export, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var again = await bob.PostAsync("/api/me/history/import", new StringContent(export, Encoding.UTF8, "application/json"));
        Assert.Equal(3, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("skipped").GetInt32());
        Assert.Equal(3, (await bob.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!.Length);
        Assert.Equal(JsonNode.Parse(export)!.ToJsonString(), JsonNode.Parse(await bob.GetStringAsync("/api/me/history.json"))!.ToJsonString());

        var carol = await People.SignedInAsync(app);
        var file = JsonNode.Parse(export)!;
        file["records"]![2]!["painAfter"] = 42;
        var refused = await carol.PostAsync("/api/me/history/import", Json(file));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("records[2].painAfter", out _));
        Assert.Empty((await carol.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!);
    }

    [ProviderFact]
    public async Task ProgressShowsThePainOfEachSessionAndLeavesAHurtingExerciseOutOfTheNextBuiltSession()
    {
        var ann = await People.SignedInAsync(app);
        var record = await RecordAsync(startedAt: DateTimeOffset.UtcNow.AddDays(-2));
        var hurting = record["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).First(s => s is not "joint-warm-up" and not "childs-pose");
        record["flags"] = new JsonArray(new JsonObject { ["slug"] = hurting, ["felt"] = "hurt" });
        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(record))).StatusCode);

        var progress = await ann.GetFromJsonAsync<JsonElement>("/api/me/progress");

        var point = Assert.Single(progress.GetProperty("pain").GetProperty("points").EnumerateArray());
        Assert.Equal((4, 2), (point.GetProperty("before").GetInt32(), point.GetProperty("after").GetInt32()));
        Assert.True(progress.GetProperty("leftOut").TryGetProperty(hurting, out var reason));
        Assert.Contains("hurt", reason.GetString());
        var session = await (await ann.PostAsJsonAsync("/api/me/sessions", new { name = "Next", request = new { minutes = 60, level = "advanced", include = new[] { hurting }, seed = 1 } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(session.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()), i => i.GetProperty("slug").GetString() == hurting);
        Assert.Contains(session.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("slug").GetString() == hurting);

        var bob = await People.SignedInAsync(app);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement>("/api/me/progress")).GetProperty("pain").GetProperty("points").EnumerateArray());
    }
    private async Task<string> OwnerAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StretchingDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [ProviderFact]
    public async Task AHurtMarkMonthsOldStillLeavesTheExerciseOut_AlsoFromARecordStoredBeforeMarksWereKeptApart()
    {
        // The advice reads four weeks of records in full and only the marks before them; records stored
        // before the marks were kept apart have none there, and are read in full.
        foreach (var storedBeforeMarks in new[] { false, true })
        {
            var email = $"person-{Guid.NewGuid():N}@example.test";
            var ann = await People.SignedInAsync(app, email);
            var old = await RecordAsync(startedAt: DateTimeOffset.UtcNow.AddDays(-90));
            var hurting = old["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).First(s => s is not "joint-warm-up" and not "childs-pose");
            old["flags"] = new JsonArray(new JsonObject { ["slug"] = hurting, ["felt"] = "hurt" });
            Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(old))).StatusCode);
            var recent = await RecordAsync(startedAt: DateTimeOffset.UtcNow.AddDays(-2));
            recent["flags"] = new JsonArray();
            Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(recent))).StatusCode);
            if (storedBeforeMarks)
            {
                var owner = await OwnerAsync(email);
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<StretchingDbContext>().SessionRecords.Where(r => r.UserId == owner)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Marks, (string?)null));
            }

            Assert.True((await ann.GetFromJsonAsync<JsonElement>("/api/me/progress")).GetProperty("leftOut").TryGetProperty(hurting, out _), $"stored before marks: {storedBeforeMarks}");
        }
    }

    [ProviderFact]
    public async Task ProgressFollowsEveryRecordAddedOrDeletedAtOnce()
    {
        // What is worked out from a history is kept under the history's version (History/ProgressCache.cs):
        // never served after a change, including a delete and an add that leave the count as it was.
        var ann = await People.SignedInAsync(app);
        async Task<(int Points, bool LeftOut)> ProgressAsync(string slug)
        {
            var progress = await ann.GetFromJsonAsync<JsonElement>("/api/me/progress");
            return (progress.GetProperty("pain").GetProperty("points").GetArrayLength(), progress.GetProperty("leftOut").TryGetProperty(slug, out _));
        }
        var hurtingRecord = await RecordAsync(startedAt: DateTimeOffset.UtcNow.AddDays(-2));
        var hurting = hurtingRecord["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).First(s => s is not "joint-warm-up" and not "childs-pose");
        hurtingRecord["flags"] = new JsonArray(new JsonObject { ["slug"] = hurting, ["felt"] = "hurt" });
        var calm = await RecordAsync(startedAt: DateTimeOffset.UtcNow.AddDays(-1));
        calm["flags"] = new JsonArray();
        Assert.Equal((0, false), await ProgressAsync(hurting));

        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(hurtingRecord))).StatusCode);
        Assert.Equal((1, true), await ProgressAsync(hurting));

        Assert.Equal(HttpStatusCode.NoContent, (await ann.DeleteAsync($"/api/me/history/{hurtingRecord["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(calm))).StatusCode);
        Assert.Equal((1, false), await ProgressAsync(hurting));

        Assert.Equal(HttpStatusCode.NoContent, (await ann.DeleteAsync($"/api/me/history/{calm["id"]}")).StatusCode);
        hurtingRecord["id"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", Json(hurtingRecord))).StatusCode);
        Assert.Equal((1, true), await ProgressAsync(hurting));
    }

    [ProviderFact]
    public async Task APlannedSessionPlayedWeeksBeforeItsDayCountsAsPlayedInAReportOnThatWeek()
    {
        // A report reads its period's records and, whenever they were played, those linked to its planned sessions.
        var email = $"person-{Guid.NewGuid():N}@example.test";
        var ann = await People.SignedInAsync(app, email);
        var plan = new
        {
            goal = "back-health", timeZone = "Europe/Berlin", trainingDays = new[] { "monday" }, alarmMinutes = 10,
            slots = new[] { new { day = "monday", time = "19:30", play = new { routine = "twelve-back-stretches" } } },
        };
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/plan", plan)).StatusCode);
        var owner = await OwnerAsync(email);
        using (var scope = app.Services.CreateScope())
        {
            var made = DateTime.UtcNow.AddDays(-90);
            await scope.ServiceProvider.GetRequiredService<StretchingDbContext>().Plans.Where(p => p.UserId == owner)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.CreatedAt, made));
        }
        var monday = PlanCalendar.WeekStart(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(-42);
        var week = await ann.GetFromJsonAsync<JsonElement>($"/api/me/plan/week?start={monday:yyyy-MM-dd}");
        var occurrence = week.GetProperty("occurrences")[0].GetProperty("id").GetString()!;
        var record = await RecordAsync(startedAt: new DateTimeOffset(monday.AddDays(-25).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        record["source"] = new JsonObject { ["occurrence"] = occurrence };
        var stored = await ann.PostAsync("/api/me/history", Json(record));
        Assert.True(stored.StatusCode == HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());

        var report = await ann.GetFromJsonAsync<JsonElement>($"/api/me/progress?from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}");

        var reported = Assert.Single(report.GetProperty("weeks").EnumerateArray());
        Assert.Equal((1, 1, 0), (reported.GetProperty("planned").GetInt32(), reported.GetProperty("done").GetInt32(), reported.GetProperty("missed").GetInt32()));
    }
}

[Collection(AppCollection.Name)]
public sealed class HistoryApiTestsOnSqlite(StretchingAppFactory app) : HistoryApiTests(app);

[OnPostgreSql]
[Collection(PostgresAppCollection.Name)]
public sealed class HistoryApiTestsOnPostgreSql(PostgresAppFactory app) : HistoryApiTests(app);
