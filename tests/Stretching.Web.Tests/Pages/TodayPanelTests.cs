using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Pages;

/// <summary>
/// The signed-in home page's week, on a clock the test moves: a plan counts from the day it was made, so
/// its sessions earlier that week are not shown as missed, as the history does not count them either.
/// </summary>
public sealed class TodayPanelTests(TodayPanelTests.ClockedApp app) : IClassFixture<TodayPanelTests.ClockedApp>
{
    [Fact]
    public async Task APlanMadeOnSundayMissesNothingEarlierThatWeekAndTheNextWeekCountsEveryDay()
    {
        var now = DateTimeOffset.UtcNow;
        var daysToSunday = ((int)DayOfWeek.Sunday - (int)now.DayOfWeek + 7) % 7;
        var sundayNoon = new DateTimeOffset(now.UtcDateTime.Date.AddDays(daysToSunday == 0 ? 7 : daysToSunday).AddHours(12), TimeSpan.Zero);
        app.Clock.Advance(sundayNoon - now);

        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        await PlanEveryDayAsync(ann, "00:00");
        await PlanEveryDayAsync(bob, "06:30");

        // Sunday: only today's session, over by noon, is missed; Monday to Saturday came before the plan.
        var annsSunday = await EarlierThisWeekAsync(ann);
        Assert.Equal(["Sunday 00:00"], annsSunday.Select(Start));
        Assert.All(annsSunday, item => Assert.Contains("missed", item));
        Assert.Equal(["Sunday 06:30"], (await EarlierThisWeekAsync(bob)).Select(Start));

        // The Saturday after: the whole week came after the plan, and every session of it not played is missed.
        app.Clock.Advance(TimeSpan.FromDays(6));
        var annsSaturday = await EarlierThisWeekAsync(ann);
        Assert.Equal(["Monday 00:00", "Tuesday 00:00", "Wednesday 00:00", "Thursday 00:00", "Friday 00:00", "Saturday 00:00"], annsSaturday.Select(Start));
        Assert.All(annsSaturday, item => Assert.Contains("missed", item));
        Assert.All(await EarlierThisWeekAsync(bob), item => Assert.StartsWith("06:30", item.Split(' ')[1]));
    }

    private static string Start(string item) => string.Join(' ', item.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2)).TrimEnd(':');

    private static async Task PlanEveryDayAsync(HttpClient person, string time)
    {
        var everyDay = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(day => new { day, time, play = new { routine = "twelve-back-stretches" } }).ToArray();
        var response = await person.PutAsJsonAsync("/api/me/plan", new { goal = "back-health", timeZone = "UTC", slots = everyDay });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The entries of Today's "Earlier this week" list, as their text reads (empty when there is no such list).</summary>
    private static async Task<List<string>> EarlierThisWeekAsync(HttpClient person)
    {
        var (_, home) = await HtmlPage.GetAsync(person, "/");
        var heading = home.QuerySelectorAll(".today h3").SingleOrDefault(h => h.TextContent.Contains("Earlier this week"));
        return heading?.NextElementSibling?.QuerySelectorAll("li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList() ?? [];
    }

    /// <summary>The app on a clock of its own, which the test moves on.</summary>
    public sealed class ClockedApp : StretchingAppFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
