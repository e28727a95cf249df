using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Accounts;

namespace Stretching.Web.Tests.Pages;

/// <summary>The history pages: charts a screen reader can read, a record's own page, the report, the import form; and nothing of anyone else's.</summary>
[Collection(AppCollection.Name)]
public sealed class HistoryPagesTests(StretchingAppFactory app)
{
    private async Task<string> PlayAsync(HttpClient person, DateTimeOffset start, int before, int after, string? hurt = null, int minutes = 30)
    {
        var routine = await app.CreatePlainClient().GetFromJsonAsync<JsonElement>("/api/routines/twelve-back-stretches");
        var items = routine.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => new { slug = i.GetProperty("slug").GetString(), side = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(), status = "done", seconds = 30 })
            .ToArray();
        var id = Guid.NewGuid().ToString();
        var response = await person.PostAsJsonAsync("/api/me/history", new
        {
            id, startedAt = start.ToString("O"), finishedAt = start.AddMinutes(minutes).ToString("O"), timeZone = "UTC", source = new { routine = "twelve-back-stretches" },
            items, painBefore = before, painAfter = after, ease = 2, note = (string?)null,
            flags = hurt is null ? Array.Empty<object>() : [new { slug = hurt, felt = "hurt" }],
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    [Fact]
    public async Task TheProgressPageDrawsItsChartsWithTextAlternativesAndARecordHasItsOwnPage()
    {
        var ann = await People.SignedInAsync(app);
        var now = DateTimeOffset.UtcNow;
        var first = await PlayAsync(ann, now.AddDays(-10), 5, 3);
        await PlayAsync(ann, now.AddDays(-6), 4, 2);
        await PlayAsync(ann, now.AddDays(-2), 3, 1, hurt: "knees-to-chest");

        var (response, page) = await HtmlPage.GetAsync(ann, "/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var charts = page.QuerySelectorAll("svg.chart[role=img]");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, chart => Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector("title")?.TextContent)));
        Assert.Equal(6, page.QuerySelectorAll("svg.chart-pain circle").Length);
        // Without a plan there is nothing to keep or miss: the calendar invites planning instead.
        Assert.Null(page.QuerySelector(".history-calendar"));
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=calendar-title] a[href=plan]"));
        Assert.Equal(3, page.QuerySelectorAll(".history-sessions li").Length);
        Assert.Contains("Knees to chest", page.QuerySelector("form.bring-back")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var (recordResponse, record) = await HtmlPage.GetAsync(ann, $"/history/{first}");
        Assert.Equal(HttpStatusCode.OK, recordResponse.StatusCode);
        Assert.Contains("pain 5 before, 3 after", record.QuerySelector(".lead")!.TextContent);

        var bob = await People.SignedInAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/history/{first}")).StatusCode);
        Assert.Empty((await HtmlPage.GetAsync(bob, "/history")).Document.QuerySelectorAll(".history-sessions li"));

        var brought = await HtmlForm.SubmitAsync(ann, "/history", page, "form.bring-back");
        Assert.Equal(HttpStatusCode.Redirect, brought.StatusCode);
        Assert.Null((await HtmlPage.GetAsync(ann, "/history")).Document.QuerySelector("form.bring-back"));
    }

    [Fact]
    public async Task TheSectionsKeptWithAReportAreRenderedAgainWhenTheHistoryChangesAndAreNeverAnotherPersons()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var now = DateTimeOffset.UtcNow;
        await PlayAsync(ann, now.AddDays(-3), 6, 4);
        await PlayAsync(bob, now.AddDays(-3), 2, 1, hurt: "knees-to-chest");

        // Each drawing has ids of its own: compared without them, the charts differ by what they show alone.
        static async Task<(int Points, string Drawing)> PainChartAsync(HttpClient person)
        {
            var chart = (await HtmlPage.GetAsync(person, "/history")).Document.QuerySelector("svg.chart-pain")!;
            return (chart.QuerySelectorAll("circle").Length, Regex.Replace(chart.OuterHtml, "chart-[0-9a-f]{8}", "chart"));
        }
        static async Task<List<string>> ReportedSessionsAsync(HttpClient person) =>
            (await HtmlPage.GetAsync(person, "/history/report")).Document.QuerySelectorAll("section[aria-labelledby=report-sessions] tbody tr")
                .Select(row => string.Join(" | ", row.Children.Skip(2).Select(cell => cell.TextContent.Trim()))).ToList();

        var annsChart = await PainChartAsync(ann);
        Assert.Equal(2, annsChart.Points);
        var bobsChart = await PainChartAsync(bob);
        Assert.Equal(2, bobsChart.Points);
        Assert.NotEqual(annsChart.Drawing, bobsChart.Drawing);
        Assert.Equal(["30 | 6 → 4 | 2 |  | "], await ReportedSessionsAsync(ann));
        var bobsSessions = await ReportedSessionsAsync(bob);
        Assert.Equal(["30 | 2 → 1 | 2 | Knees to chest | "], bobsSessions);

        await PlayAsync(ann, now.AddDays(-1), 5, 2, minutes: 20);
        Assert.Equal(4, (await PainChartAsync(ann)).Points);
        Assert.Equal(["30 | 6 → 4 | 2 |  | ", "20 | 5 → 2 | 2 |  | "], await ReportedSessionsAsync(ann));
        Assert.Equal(bobsChart, await PainChartAsync(bob));
        Assert.Equal(bobsSessions, await ReportedSessionsAsync(bob));
    }

    [Fact]
    public async Task TheProgressPageShowsTheLatestTenAndAllSessionsPagesThroughEveryOneNewestFirst()
    {
        var ann = await People.SignedInAsync(app);
        var now = DateTimeOffset.UtcNow;
        var played = new List<string>();
        for (var day = 1; day <= 21; day++) played.Add(await PlayAsync(ann, now.AddDays(-day), 4, 3));
        // Older than the progress page's twelve weeks: only the full list reaches it.
        var oldest = await PlayAsync(ann, now.AddDays(-120), 6, 5);

        var (_, progress) = await HtmlPage.GetAsync(ann, "/history");
        Assert.Equal(10, progress.QuerySelectorAll(".history-sessions li").Length);
        Assert.Contains("latest 10 of the 21", progress.QuerySelector("section[aria-labelledby=sessions-title]")!.TextContent);
        Assert.NotNull(progress.QuerySelector("a[href='history/sessions']"));

        var (response, first) = await HtmlPage.GetAsync(ann, "/history/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = first.QuerySelectorAll(".history-sessions li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(played.Take(20).Select(id => $"history/{id}"), links);
        Assert.Contains("1 to 20 of 22", first.QuerySelector("main")!.TextContent);
        Assert.Equal("history/sessions?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var (_, second) = await HtmlPage.GetAsync(ann, "/history/sessions?page=2");
        var rest = second.QuerySelectorAll(".history-sessions li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"history/{played[20]}", $"history/{oldest}"], rest);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal("page", second.QuerySelector(".pagination .active a")!.GetAttribute("aria-current"));
        Assert.Equal(["Newer", "1", "2"], second.QuerySelectorAll(".pagination li").Select(li => li.TextContent.Trim()));

        foreach (var query in new[] { "0", "-1", "two", "99999999999" })
        {
            var (refused, page) = await HtmlPage.GetAsync(ann, $"/history/sessions?page={query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull(page.QuerySelector("[role=alert] a[href='history/sessions']"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync("/history/sessions?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync("/history/sessions?page=2147483647")).StatusCode);

        // Nobody else's sessions, on any page.
        var bob = await People.SignedInAsync(app);
        var (bobsResponse, bobs) = await HtmlPage.GetAsync(bob, "/history/sessions");
        Assert.Equal(HttpStatusCode.OK, bobsResponse.StatusCode);
        Assert.Empty(bobs.QuerySelectorAll(".history-sessions li"));
        Assert.NotNull(bobs.QuerySelector(".empty-state"));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync("/history/sessions?page=2")).StatusCode);
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 37, "1 2 3 … 37")]
    [InlineData(5, 37, "1 … 3 4 5 6 7 … 37")]
    [InlineData(4, 37, "1 2 3 4 5 6 … 37")]
    [InlineData(37, 37, "1 … 35 36 37")]
    [InlineData(3, 5, "1 2 3 4 5")]
    public void ALongHistoryLinksTheEndsAndTheNeighbouringPagesOnly(int number, int pages, string expected) =>
        Assert.Equal(expected, string.Join(" ", Stretching.Web.Components.Pages.History.SessionsPage.Shortcuts(number, pages).Select(n => n?.ToString() ?? "…")));

    [Fact]
    public async Task WithAPlanTheCalendarCountsFromTheDayItWasMadeAndTodaysSessionShowsDone()
    {
        var ann = await People.SignedInAsync(app);
        var everyDay = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(day => new { day, time = "00:00", play = new { routine = "twelve-back-stretches" } }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/plan", new { goal = "dancer", timeZone = "UTC", slots = everyDay })).StatusCode);
        // A one-minute session that ended a minute ago: today's, whatever the hour the test runs.
        await PlayAsync(ann, DateTimeOffset.UtcNow.AddMinutes(-2), 3, 2, minutes: 1);
        await PlayAsync(ann, DateTimeOffset.UtcNow.AddDays(-20), 3, 2);

        var (_, page) = await HtmlPage.GetAsync(ann, "/history");

        var days = page.QuerySelectorAll(".history-calendar td.history-day");
        Assert.InRange(days.Length, 1, 7);
        Assert.Single(page.QuerySelectorAll(".history-day.is-done"));
        Assert.Empty(page.QuerySelectorAll(".history-day.is-missed"));
    }

    [Fact]
    public async Task TheReportCoversTheChosenPeriodAndRefusesABackwardsOne()
    {
        var ann = await People.SignedInAsync(app);
        await PlayAsync(ann, new DateTimeOffset(2026, 11, 3, 18, 0, 0, TimeSpan.Zero), 6, 4, hurt: "knees-to-chest");
        await PlayAsync(ann, new DateTimeOffset(2026, 10, 3, 18, 0, 0, TimeSpan.Zero), 7, 6);

        var (response, report) = await HtmlPage.GetAsync(ann, "/history/report?from=2026-11-01&to=2026-11-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessions = report.QuerySelectorAll("section[aria-labelledby=report-sessions] tbody tr");
        var row = Assert.Single(sessions);
        Assert.Contains("6 → 4", row.TextContent);
        Assert.Contains("knees", row.TextContent, StringComparison.OrdinalIgnoreCase);
        var (bad, refused) = await HtmlPage.GetAsync(ann, "/history/report?from=2026-11-15&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("first day", refused.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task AReadOnlyLinkSharesTheReportUntilItIsRevokedOrExpiresAndNobodyElseCanRevokeIt()
    {
        var ann = await People.SignedInAsync(app);
        await PlayAsync(ann, new DateTimeOffset(2026, 11, 3, 18, 0, 0, TimeSpan.Zero), 6, 4, hurt: "knees-to-chest");
        const string Report = "/history/report?from=2026-11-01&to=2026-11-15";

        var (_, page) = await HtmlPage.GetAsync(ann, Report);
        Assert.Empty(page.QuerySelectorAll(".report-share-link"));
        var refused = await HtmlForm.SubmitNamedAsync(ann, Report, page, "share-new", new Dictionary<string, string[]> { ["days"] = ["12"] });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForm.SubmitNamedAsync(ann, Report, page, "share-new")).StatusCode);

        (_, page) = await HtmlPage.GetAsync(ann, Report);
        var shared = page.QuerySelector(".report-share-link")!;
        Assert.Contains("1 Nov 2026 – 15 Nov 2026", shared.TextContent);
        var address = new Uri(shared.QuerySelector("input[readonly]")!.GetAttribute("value")!).PathAndQuery;
        Assert.Matches("^/shared/report/[A-Za-z0-9_-]{43}$", address);

        var anonymous = app.CreatePlainClient();
        var (opened, report) = await HtmlPage.GetAsync(anonymous, address);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.True(opened.Headers.CacheControl?.NoStore);
        Assert.Equal("noindex, nofollow", opened.Headers.GetValues("X-Robots-Tag").Single());
        Assert.NotNull(report.QuerySelector("link[rel=stylesheet][href*='site']"));
        Assert.Contains("6 → 4", Assert.Single(report.QuerySelectorAll("section[aria-labelledby=report-sessions] tbody tr")).TextContent);
        Assert.Null(report.QuerySelector("form[method=post]"));

        // Bob cannot revoke Ann's link, even by naming its id in his own revoke form.
        var bob = await People.SignedInAsync(app);
        var (_, bobsPage) = await HtmlPage.GetAsync(bob, Report);
        await HtmlForm.SubmitNamedAsync(bob, Report, bobsPage, "share-new");
        (_, bobsPage) = await HtmlPage.GetAsync(bob, Report);
        var annsId = page.QuerySelector("form input[name=id]")!.GetAttribute("value")!;
        var notHis = await HtmlForm.SubmitNamedAsync(bob, Report, bobsPage, "share-revoke", new Dictionary<string, string[]> { ["id"] = [annsId] });
        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(address)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForm.SubmitNamedAsync(ann, Report, page, "share-revoke")).StatusCode);
        var (gone, goneLink) = await HtmlPage.GetAsync(anonymous, address);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(goneLink.QuerySelectorAll("section[aria-labelledby=report-sessions]"));
        Assert.Contains("not found", goneLink.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);

        // A link past its expiry stops working as a revoked one does.
        await HtmlForm.SubmitNamedAsync(ann, Report, (await HtmlPage.GetAsync(ann, Report)).Document, "share-new");
        (_, page) = await HtmlPage.GetAsync(ann, Report);
        var expiring = new Uri(page.QuerySelector(".report-share-link input[readonly]")!.GetAttribute("value")!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(expiring)).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
            var id = page.QuerySelector("form input[name=id]")!.GetAttribute("value")!;
            await db.ReportShares.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(expiring)).StatusCode);
        Assert.Empty((await HtmlPage.GetAsync(ann, Report)).Document.QuerySelectorAll(".report-share-link"));
    }

    [Fact]
    public async Task TheImportFormTakesAnExportedFileAndABrokenFileChangesNothing()
    {
        var ann = await People.SignedInAsync(app);
        await PlayAsync(ann, DateTimeOffset.UtcNow.AddDays(-1), 2, 1);
        var export = await ann.GetStringAsync("/api/me/history.json");
        var bob = await People.SignedInAsync(app);

        async Task<HttpResponseMessage> UploadAsync(string content)
        {
            var (_, page) = await HtmlPage.GetAsync(bob, "/history");
            var token = page.QuerySelector("form.import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("import"), "_handler" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "history.json" },
            };
            return await bob.PostAsync("/history", form);
        }

        var broken = JsonNode.Parse(export)!;
        broken["records"]![0]!["ease"] = 9;
        var refused = await UploadAsync(broken.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("nothing was imported", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(export)).StatusCode);
        Assert.Single((await bob.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync("not json")).StatusCode);
    }
}
