using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Pages;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Apis;

/// <summary>The weekly plan through /api/me/plan and its pages, always with a second person who sees none of it.</summary>
public abstract class PlanApiTests(StretchingAppFactory app)
{
    private static object Plan(params object[] slots) => new { goal = "back-health", timeZone = "Europe/Berlin", trainingDays = new[] { "tuesday" }, slots, alarmMinutes = 10 };

    private static object Slot(string day, string time, object play, string? id = null) => new { id, day, time, play };

    private static async Task<JsonElement> PutAsync(HttpClient person, object plan)
    {
        var response = await person.PutAsJsonAsync("/api/me/plan", plan);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [ProviderFact]
    public async Task APlanIsSavedWithEveryKindOfSlotAndReadBackWithItsCalendarAddress()
    {
        var ann = await People.SignedInAsync(app);
        var saved = await (await ann.PostAsJsonAsync("/api/me/sessions", new { name = "Mine", routine = "twelve-back-stretches" })).Content.ReadFromJsonAsync<JsonElement>();

        var empty = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan");
        Assert.Empty(empty.GetProperty("slots").EnumerateArray());
        Assert.Equal("back-health", empty.GetProperty("goal").GetString());

        var plan = await PutAsync(ann, Plan(
            Slot("monday", "19:30", new { routine = "dancer-complex" }),
            Slot("wednesday", "19:30", new { session = saved.GetProperty("id").GetString() }),
            Slot("friday", "19:30", new { preset = new { minutes = 35, level = "beginner", focus = new[] { "lumbar" }, equipment = new[] { "mat" } } })));

        var slots = plan.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(["monday", "wednesday", "friday"], slots.Select(s => s.GetProperty("day").GetString()));
        Assert.All(slots, s => Assert.Equal(16, s.GetProperty("id").GetString()!.Length));
        Assert.Equal("dancer-complex", slots[0].GetProperty("play").GetProperty("routine").GetString());
        Assert.Equal(35, slots[2].GetProperty("play").GetProperty("preset").GetProperty("minutes").GetInt32());
        Assert.Matches(@"^http://localhost/calendar/[A-Za-z0-9_-]{43}\.ics$", plan.GetProperty("calendarUrl").GetString());
        Assert.Contains(plan.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Length > 0);
        Assert.Equal(10, plan.GetProperty("alarmMinutes").GetInt32());

        // Sending the plan back as it came keeps every slot's id (and so its calendar events).
        var again = await PutAsync(ann, JsonSerializer.Deserialize<object>(plan.GetRawText())!);
        Assert.Equal(slots.Select(s => s.GetProperty("id").GetString()), again.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(plan.GetProperty("calendarUrl").GetString(), again.GetProperty("calendarUrl").GetString());
    }

    [ProviderTheory]
    [InlineData("""{ "timeZone": "Europe/Berlin", "slots": [{ "day": "someday", "time": "19:30", "play": { "routine": "dancer-complex" } }] }""", "slots[0].day")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "slots": [{ "day": "monday", "time": "25:00", "play": { "routine": "dancer-complex" } }] }""", "slots[0].time")]
    [InlineData("""{ "timeZone": "Mars/Olympus", "slots": [] }""", "timeZone")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "goal": "marathon" }""", "goal")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "trainingDays": ["funday"] }""", "trainingDays")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "alarmMinutes": -5 }""", "alarmMinutes")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "slots": [{ "day": "monday", "time": "19:30", "play": { } }] }""", "slots[0].play")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "slots": [{ "day": "monday", "time": "19:30", "play": { "routine": "no-such" } }] }""", "slots[0].play.routine")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "slots": [{ "day": "monday", "time": "19:30", "play": { "preset": { "minutes": 500, "level": "beginner" } } }] }""", "slots[0].play.preset.minutes")]
    [InlineData("""{ "timeZone": "Europe/Berlin", "colour": "red" }""", "colour")]
    public async Task BadInputIsA400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var ann = await People.SignedInAsync(app);
        var before = await ann.GetStringAsync("/api/me/plan");

        var response = await ann.PutAsync("/api/me/plan", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(before, await ann.GetStringAsync("/api/me/plan"));
    }

    [ProviderFact]
    public async Task AnotherPersonsPlanSlotsOccurrencesAndSessionsStayOutOfReach()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var annsSession = (await (await ann.PostAsJsonAsync("/api/me/sessions", new { name = "Ann's", routine = "dancer-complex" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var plan = await PutAsync(ann, Plan(Slot("monday", "19:30", new { session = annsSession })));
        var slotId = plan.GetProperty("slots")[0].GetProperty("id").GetString()!;
        var week = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan/week?start=2026-11-23");
        var occurrence = week.GetProperty("occurrences")[0];
        Assert.Equal("Ann's", occurrence.GetProperty("title").GetString());

        // Bob can neither point a slot of his at Ann's session nor see anything of her plan.
        var pointing = await bob.PutAsJsonAsync("/api/me/plan", Plan(Slot("monday", "19:30", new { session = annsSession })));
        Assert.Equal(HttpStatusCode.BadRequest, pointing.StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("slots").EnumerateArray());
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement>("/api/me/plan/week?start=2026-11-23")).GetProperty("occurrences").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/plan/slots/{slotId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync("/" + new Uri(occurrence.GetProperty("playerUrl").GetString()!).PathAndQuery.TrimStart('/'))).StatusCode);

        // Bob sends Ann's slot id as his own: slot ids are each person's, so he gets a slot of his own and hers is untouched.
        var bobs = await PutAsync(bob, Plan(Slot("friday", "08:00", new { routine = "dancer-complex" }, id: slotId)));
        Assert.Equal("friday", bobs.GetProperty("slots")[0].GetProperty("day").GetString());
        var annsSlot = (await ann.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("slots")[0];
        Assert.Equal(("monday", "19:30"), (annsSlot.GetProperty("day").GetString(), annsSlot.GetProperty("time").GetString()));
        Assert.Equal("Ann's", (await ann.GetFromJsonAsync<JsonElement>("/api/me/plan/week?start=2026-11-23")).GetProperty("occurrences")[0].GetProperty("title").GetString());
        Assert.NotEqual(plan.GetProperty("calendarUrl").GetString(), bobs.GetProperty("calendarUrl").GetString());

        var anonymous = app.CreatePlainClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/plan/week")).StatusCode);
    }

    [ProviderFact]
    public async Task A1930SlotStays1930LocalWhenDaylightSavingTimeStarts()
    {
        var ann = await People.SignedInAsync(app);
        await PutAsync(ann, Plan(Slot("saturday", "19:30", new { routine = "dancer-complex" }), Slot("monday", "19:30", new { routine = "dancer-complex" })));

        // Berlin moves its clocks on Sunday 29 March 2026: Saturday is UTC+1, the Monday after UTC+2.
        var week = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan/week?start=2026-03-23");
        var next = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan/week?start=2026-03-30");

        var saturday = week.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("date").GetString() == "2026-03-28");
        var monday = next.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("date").GetString() == "2026-03-30");
        Assert.Equal("2026-03-28T19:30:00", saturday.GetProperty("localStart").GetString());
        Assert.Equal("2026-03-28T18:30:00+00:00", saturday.GetProperty("start").GetString());
        Assert.Equal("2026-03-30T19:30:00", monday.GetProperty("localStart").GetString());
        Assert.Equal("2026-03-30T17:30:00+00:00", monday.GetProperty("start").GetString());
        Assert.EndsWith($"/play?occurrence={monday.GetProperty("id").GetString()}", monday.GetProperty("playerUrl").GetString());

        var bad = await ann.GetAsync("/api/me/plan/week?start=next-week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [ProviderFact]
    public async Task APresetPlaysADifferentSessionEachWeekAndTheSameOneAllWeek()
    {
        var ann = await People.SignedInAsync(app);
        await PutAsync(ann, Plan(Slot("tuesday", "19:00", new { preset = new { minutes = 30, level = "beginner", equipment = new[] { "mat" } } })));

        async Task<string> PlayedAsync(string weekStart)
        {
            var week = await ann.GetFromJsonAsync<JsonElement>($"/api/me/plan/week?start={weekStart}");
            var url = new Uri(week.GetProperty("occurrences")[0].GetProperty("playerUrl").GetString()!).PathAndQuery;
            var (response, page) = await HtmlPage.GetAsync(ann, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return page.QuerySelector("script.player-data")!.TextContent;
        }

        var first = await PlayedAsync("2026-11-23");
        Assert.Equal(first, await PlayedAsync("2026-11-23"));
        var weeks = new[] { "2026-11-30", "2026-12-07", "2026-12-14" };
        Assert.Contains(weeks, week => PlayedAsync(week).Result != first);
    }

    [ProviderFact]
    public async Task AnExerciseMarkedAsHurtingLeavesThePlannedSessionAtOnce()
    {
        // Planned sessions are built once while the advice stands (History/ProgressCache.cs); a hurt mark changes the advice.
        var ann = await People.SignedInAsync(app);
        await PutAsync(ann, Plan(Slot("tuesday", "19:00", new { preset = new { minutes = 30, level = "beginner", equipment = new[] { "mat" } } })));
        async Task<List<string>> PlannedAsync()
        {
            var week = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan/week?start=2026-11-23");
            var url = new Uri(week.GetProperty("occurrences")[0].GetProperty("playerUrl").GetString()!).PathAndQuery;
            var (response, page) = await HtmlPage.GetAsync(ann, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var data = JsonDocument.Parse(page.QuerySelector("script.player-data")!.TextContent);
            return data.RootElement.GetProperty("session").GetProperty("blocks").EnumerateArray()
                .SelectMany(b => b.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("slug").GetString()!).ToList();
        }
        var record = await PlayedRecords.ThroughAsync(app.CreatePlainClient(), startedAt: DateTimeOffset.UtcNow.AddDays(-1));
        var planned = await PlannedAsync();
        var hurting = record["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>())
            .First(slug => slug is not "joint-warm-up" and not "childs-pose" && planned.Contains(slug));
        record["flags"] = new JsonArray(new JsonObject { ["slug"] = hurting, ["felt"] = "hurt" });

        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsJsonAsync("/api/me/history", record)).StatusCode);

        Assert.DoesNotContain(hurting, await PlannedAsync());
    }

    [ProviderFact]
    public async Task PlanMyWeekProposesAWeekByTheGoalWithoutSavingItAndRefusesWhatSafetyRefuses()
    {
        var ann = await People.SignedInAsync(app);
        var free = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(day => new { day, time = "19:30" }).ToArray();

        var response = await ann.PostAsJsonAsync("/api/me/plan/generate", new { goal = "back-health", timeZone = "Europe/Berlin", freeTimes = free, minutes = 30, level = "beginner", equipment = new[] { "mat" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = await response.Content.ReadFromJsonAsync<JsonElement>();
        var days = proposal.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("day").GetString()).ToList();
        Assert.InRange(days.Count, 4, 6);
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.All(proposal.GetProperty("slots").EnumerateArray(), s => Assert.Equal("19:30", s.GetProperty("time").GetString()));
        Assert.Empty((await ann.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("slots").EnumerateArray());

        // Saved as proposed, the plan keeps the proposal's slots.
        var saved = await ann.PutAsJsonAsync("/api/me/plan", JsonSerializer.Deserialize<object>(proposal.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(days, (await ann.GetFromJsonAsync<JsonElement>("/api/me/plan")).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("day").GetString()));

        var badDay = await ann.PostAsJsonAsync("/api/me/plan/generate", new { timeZone = "Europe/Berlin", freeTimes = new[] { new { day = "caturday", time = "19:30" } }, minutes = 30, level = "beginner" });
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.True((await badDay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("freeTimes[0].day", out _));
        var refused = await ann.PostAsJsonAsync("/api/me/plan/generate", new { timeZone = "Europe/Berlin", freeTimes = free, minutes = 30, level = "beginner", conditions = new[] { "osteoporosis" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [ProviderFact]
    public async Task WithdrawingHealthConsentTakesTheConditionsOutOfPlanSlotsToo()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        object Preset() => Plan(Slot("monday", "19:30", new { preset = new { minutes = 30, level = "beginner", conditions = new[] { "scoliosis" } } }));
        await PutAsync(ann, Preset());
        await PutAsync(bob, Preset());
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/profile", new { level = "beginner", conditions = new[] { "scoliosis" }, healthConsent = true })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/profile", new { level = "beginner", conditions = Array.Empty<string>(), healthConsent = false })).StatusCode);

        JsonElement Conditions(JsonElement plan) => plan.GetProperty("slots")[0].GetProperty("play").GetProperty("preset").GetProperty("conditions");
        Assert.Empty(Conditions(await ann.GetFromJsonAsync<JsonElement>("/api/me/plan")).EnumerateArray());
        Assert.Equal("scoliosis", Conditions(await bob.GetFromJsonAsync<JsonElement>("/api/me/plan"))[0].GetString());
    }
}

[Collection(AppCollection.Name)]
public sealed class PlanApiTestsOnSqlite(StretchingAppFactory app) : PlanApiTests(app);

[OnPostgreSql]
[Collection(PostgresAppCollection.Name)]
public sealed class PlanApiTestsOnPostgreSql(PostgresAppFactory app) : PlanApiTests(app);
