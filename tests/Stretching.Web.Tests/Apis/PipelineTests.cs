using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Apis;

/// <summary>
/// Every way of asking for a session (the API, the /build page, the player, saving one to the
/// library) goes through one pipeline, so one request and seed give the same session at each.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PipelineTests(StretchingAppFactory app)
{
    private const string Query = "minutes=35&level=intermediate&focus=lumbar&equipment=mat&equipment=chair&conditions=scoliosis&exclude=sphinx&seed=11";
    private static readonly object Request = new
    {
        minutes = 35, level = "intermediate", focus = new[] { "lumbar" }, equipment = new[] { "mat", "chair" }, conditions = new[] { "scoliosis" },
        exclude = new[] { "sphinx" }, seed = 11,
    };

    private static IEnumerable<string> Items(JsonElement session) =>
        session.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => $"{i.GetProperty("slug").GetString()} {i.GetProperty("side")} {i.GetProperty("seconds").GetInt32()}");

    private async Task<JsonElement> FromTheApiAsync() =>
        await (await app.CreatePlainClient().PostAsJsonAsync("/api/sessions/build", Request)).Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task ThePlayerPlaysWhatTheApiBuilds()
    {
        var (response, page) = await HtmlPage.GetAsync(app.CreatePlainClient(), "/play?" + Query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var played = JsonDocument.Parse(page.QuerySelector("script.player-data")!.TextContent).RootElement.GetProperty("session");
        Assert.Equal(Items(await FromTheApiAsync()), Items(played));
    }

    [Fact]
    public async Task TheBuildPageShowsWhatTheApiBuilds()
    {
        var (_, page) = await HtmlPage.GetAsync(app.CreatePlainClient(), "/build?" + Query);

        var shown = page.QuerySelectorAll(".session-timeline .timeline-item a[href^='exercises/']").Select(a => a.GetAttribute("href")!["exercises/".Length..]);
        var built = (await FromTheApiAsync()).GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("slug").GetString());
        Assert.Equal(built, shown);
    }

    [Fact]
    public async Task ASavedSessionIsWhatTheApiBuilds()
    {
        var person = await People.SignedInAsync(app);

        var saved = await person.PostAsJsonAsync("/api/me/sessions", new { name = "Same", request = Request });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(Items(await FromTheApiAsync()), Items(await saved.Content.ReadFromJsonAsync<JsonElement>()));
    }
}
