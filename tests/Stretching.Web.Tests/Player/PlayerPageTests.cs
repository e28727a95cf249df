using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Player;

[Collection(AppCollection.Name)]
public sealed class PlayerPageTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    private async Task<JsonElement> PlayerDataAsync(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var script = page.QuerySelector("session-player script.player-data[type='application/json']")!;
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public async Task ARoutineIsHandedToThePlayerAsTheApisSessionJsonWithItsExercises()
    {
        var data = await PlayerDataAsync("/play?routine=dancer-complex");
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/routines/dancer-complex");

        Assert.Equal("Dancer's back complex", data.GetProperty("title").GetString());
        Assert.True(JsonElement.DeepEquals(api.GetProperty("blocks"), data.GetProperty("session").GetProperty("blocks")));
        var slugs = data.GetProperty("session").GetProperty("blocks").EnumerateArray()
            .SelectMany(b => b.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("slug").GetString()!).ToHashSet();
        var exercises = data.GetProperty("exercises");
        Assert.All(slugs, slug => Assert.False(string.IsNullOrWhiteSpace(exercises.GetProperty(slug).GetProperty("cues").GetProperty("ready").GetString()), slug));
        Assert.Equal("Lying on the stomach", exercises.GetProperty("sphinx").GetProperty("position").GetString());
    }

    [Fact]
    public async Task EachExerciseIsHandedOverWithItsFigureAsFramesBetweenItsKeyPoses()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/play?routine=dancer-complex");
        var data = JsonDocument.Parse(page.QuerySelector("script.player-data")!.TextContent).RootElement;

        var cat = data.GetProperty("exercises").GetProperty("cat-cow").GetProperty("figure");
        Assert.Equal("side", cat.GetProperty("view").GetString());
        Assert.Equal(["All fours", "Cat", "Cow"], cat.GetProperty("poses").EnumerateArray().Select(p => p.GetString()));
        var keys = cat.GetProperty("keys").EnumerateArray().Select(k => k.GetInt32()).ToList();
        var frames = cat.GetProperty("frames").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(0, keys[0]);
        Assert.True(keys.Zip(keys.Skip(1)).All(k => k.First < k.Second) && keys[^1] < frames.Count);
        Assert.True(frames.Count > keys.Count, "frames between the key poses");
        Assert.All(frames, f => Assert.Equal(4, f.Count(c => c == '|')));
        Assert.Equal(4, cat.GetProperty("viewBox").GetString()!.Split(' ').Length);
        Assert.Equal(0.8, data.GetProperty("exercises").GetProperty("jogging-in-place").GetProperty("figure").GetProperty("cycleSeconds").GetDouble());

        // The empty scenes the element fills, one per view, in the page rather than the data.
        var scenes = (AngleSharp.Html.Dom.IHtmlTemplateElement)page.QuerySelector("session-player template.player-figure-scenes")!;
        Assert.Equal(["side", "front"], scenes.Content.QuerySelectorAll("svg").Select(s => s.GetAttribute("data-view")));
        Assert.All(scenes.Content.QuerySelectorAll("svg"), s => Assert.Equal(5, s.QuerySelectorAll("path").Length));
    }

    [Fact]
    public async Task EverySessionTheAppServesPlaysInThePlayerAsItsOwnFiguresSay()
    {
        var routines = await _client.GetFromJsonAsync<JsonElement[]>("/api/routines");
        var addresses = routines!.Select(r => $"/play?routine={r.GetProperty("slug").GetString()}")
            .Append("/play?minutes=45&level=beginner&equipment=mat&seed=1")
            .Append("/play?minutes=60&level=advanced&equipment=mat&equipment=chair&equipment=horizontal-bar&seed=2")
            .Append("/play?minutes=15&level=intermediate&conditions=knee-problems&seed=3");
        var folder = Directory.CreateTempSubdirectory("stretching-served-");
        try
        {
            var files = new List<string>();
            foreach (var address in addresses)
            {
                var file = Path.Combine(folder.FullName, $"{files.Count}.json");
                await File.WriteAllTextAsync(file, (await PlayerDataAsync(address)).GetRawText());
                files.Add(file);
            }
            await NodeTestRunner.RunAsync("served-session.test.mjs", new Dictionary<string, string> { ["SESSION_FILES"] = string.Join(",", files) });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ABuiltSessionIsTheSameAsTheApiBuildsForTheSameSeed()
    {
        var data = await PlayerDataAsync("/play?minutes=30&level=beginner&equipment=mat&focus=lumbar&seed=9");
        var response = await _client.PostAsJsonAsync("/api/sessions/build", new { minutes = 30, level = "beginner", equipment = new[] { "mat" }, focus = new[] { "lumbar" }, seed = 9 });
        var api = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(JsonElement.DeepEquals(api, data.GetProperty("session")));
    }

    [Fact]
    public async Task APlayAddressWithoutASeedIsPinnedToOneSoAReloadPlaysTheSameSession()
    {
        var response = await _client.GetAsync("/play?minutes=20&level=beginner&equipment=mat");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"play\?minutes=20&level=beginner&equipment=mat&seed=-?\d+$", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ThePlayerPageLoadsNeitherBootstrapNorTheIconFont()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/play?routine=female-2");

        var styles = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(styles, s => s.Contains("player"));
        Assert.DoesNotContain(styles, s => s.Contains("bootstrap"));
        Assert.NotNull(page.QuerySelector("script[type=module][src^='Components/Player/SessionPlayer.']"));
        Assert.NotNull(page.QuerySelector("link[rel=manifest]"));
    }

    [Fact]
    public async Task TheManifestAndServiceWorkerAreServed()
    {
        var manifest = await _client.GetFromJsonAsync<JsonElement>("/manifest.webmanifest");
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            var image = await _client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }

        var worker = await _client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PagesAreSentCompressedWhenTheBrowserAcceptsIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/play?routine=dancer-complex");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await _client.SendAsync(request);

        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }
}
