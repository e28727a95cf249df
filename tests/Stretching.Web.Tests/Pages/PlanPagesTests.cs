using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stretching.Web.Tests.Accounts;

namespace Stretching.Web.Tests.Pages;

/// <summary>The plan pages as a person uses them: forms without JavaScript, and a second person who reaches none of it.</summary>
[Collection(AppCollection.Name)]
public sealed class PlanPagesTests(StretchingAppFactory app)
{
    private static Dictionary<string, string[]> Set(params (string Name, string Value)[] fields) =>
        fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToArray());

    [Fact]
    public async Task AWeekIsBuiltWithTheFormsShownAsSevenDaysAndEachSlotChangedOnItsOwnPage()
    {
        var ann = await People.SignedInAsync(app);
        var (first, empty) = await HtmlPage.GetAsync(ann, "/plan");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(7, empty.QuerySelectorAll(".plan-day").Length);

        var settings = await HtmlForm.SubmitAsync(ann, "/plan", empty, "form.plan-settings", Set(("goal", "back-health"), ("timeZone", "Europe/Paris"), ("trainingDays", "tuesday")));
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var (_, page) = await HtmlPage.GetAsync(ann, "/plan");
        var added = await HtmlForm.SubmitAsync(ann, "/plan", page, "form.slot-form", Set(("day", "thursday"), ("time", "19:45"), ("kind", "routine"), ("routine", "dancer-complex")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var plan = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan");
        Assert.Equal("Europe/Paris", plan.GetProperty("timeZone").GetString());
        var slot = Assert.Single(plan.GetProperty("slots").EnumerateArray());
        Assert.Equal("19:45", slot.GetProperty("time").GetString());

        var (_, week) = await HtmlPage.GetAsync(ann, "/plan?week=2026-11-23");
        var thursday = week.QuerySelectorAll(".plan-day")[3];
        Assert.Contains("19:45", thursday.TextContent);
        Assert.NotNull(thursday.QuerySelector("a[href^='plan/slots/']"));

        var slotUrl = $"/plan/slots/{slot.GetProperty("id").GetString()}?date=2026-11-26";
        var (_, slotPage) = await HtmlPage.GetAsync(ann, slotUrl);
        var badTime = await HtmlForm.SubmitAsync(ann, slotUrl, slotPage, "form.slot-form", Set(("time", "26:00")));
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Contains("is not a time of day", await badTime.Content.ReadAsStringAsync());

        var skipped = await HtmlForm.SubmitNamedAsync(ann, slotUrl, slotPage, "skip");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        var (_, after) = await HtmlPage.GetAsync(ann, "/plan?week=2026-11-23");
        Assert.Contains("skipped", after.QuerySelectorAll(".plan-day")[3].TextContent);
        var (_, nextWeek) = await HtmlPage.GetAsync(ann, "/plan?week=2026-11-30");
        Assert.Contains("19:45", nextWeek.QuerySelectorAll(".plan-day")[3].TextContent);

        var bob = await People.SignedInAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(slotUrl)).StatusCode);
        Assert.DoesNotContain("19:45", await bob.GetStringAsync("/plan?week=2026-11-23"));
    }

    [Fact]
    public async Task PlanMyWeekShowsAProposalThatOneButtonSavesAndTodayThenOffersIt()
    {
        var ann = await People.SignedInAsync(app);
        const string Url = "/plan/generate?goal=dancer&free=monday&time-monday=18:00&free=tuesday&time-tuesday=18:00&free=wednesday&time-wednesday=18:00"
            + "&free=thursday&time-thursday=18:00&free=friday&time-friday=18:00&free=saturday&time-saturday=18:00&free=sunday&time-sunday=18:00"
            + "&minutes=20&level=beginner&equipment=mat&timeZone=UTC";

        var (response, proposal) = await HtmlPage.GetAsync(ann, Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, proposal.QuerySelectorAll(".proposal-days li").Length);

        var used = await HtmlForm.SubmitNamedAsync(ann, Url, proposal, "use-plan");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var plan = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan");
        Assert.Equal("dancer", plan.GetProperty("goal").GetString());
        Assert.Equal(7, plan.GetProperty("slots").GetArrayLength());

        // Every day has a session at 18:00 UTC; before it ends, the home page offers it with one Start.
        var (_, home) = await HtmlPage.GetAsync(ann, "/");
        var today = home.QuerySelector(".today")!;
        Assert.NotNull(today.QuerySelector("h2"));
        var start = today.QuerySelector("a.today-start");
        var upcoming = today.QuerySelectorAll(".today-list a");
        Assert.True(start is not null || upcoming.Length > 0, today.TextContent);
        var player = (start ?? upcoming[0]).GetAttribute("href")!;
        Assert.StartsWith("play?occurrence=", player);
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/" + player)).StatusCode);

        var (bad, invalid) = await HtmlPage.GetAsync(ann, "/plan/generate?free=monday&time-monday=99:99&minutes=20&level=beginner&timeZone=UTC");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not a time of day", invalid.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task TodaySaysDoneOnceTodaysPlannedSessionIsInTheHistory()
    {
        var ann = await People.SignedInAsync(app);
        // Every day at 23:59 UTC: today's session is always still ahead (or just under way) when the test runs.
        var everyDay = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(day => new { day, time = "23:59", play = new { routine = "twelve-back-stretches" } }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/plan", new { goal = "dancer", timeZone = "UTC", slots = everyDay })).StatusCode);
        var (_, before) = await HtmlPage.GetAsync(ann, "/");
        var start = before.QuerySelector(".today a.today-start")!.GetAttribute("href")!;
        var occurrence = start["play?occurrence=".Length..];

        var routine = await app.CreatePlainClient().GetFromJsonAsync<JsonElement>("/api/routines/twelve-back-stretches");
        var items = routine.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => new { slug = i.GetProperty("slug").GetString(), side = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(), status = "done", seconds = 10 }).ToArray();
        var now = DateTimeOffset.UtcNow;
        var record = await ann.PostAsJsonAsync("/api/me/history", new
        {
            id = Guid.NewGuid().ToString(), startedAt = now.AddMinutes(-2).ToString("O"), finishedAt = now.AddMinutes(-1).ToString("O"), timeZone = "UTC",
            source = new { occurrence }, items, painBefore = 2, painAfter = 1, ease = 2,
        });
        Assert.Equal(HttpStatusCode.Created, record.StatusCode);

        var (_, after) = await HtmlPage.GetAsync(ann, "/");
        Assert.Contains("Done today", after.QuerySelector(".today")!.TextContent);
        Assert.Null(after.QuerySelector(".today a.today-start"));
    }
}
