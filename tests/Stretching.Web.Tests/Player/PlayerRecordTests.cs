using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Pages;

namespace Stretching.Web.Tests.Player;

/// <summary>
/// The player keeps a record of what it played from its own data alone: the source the page names and
/// the session it played as the snapshot. Whatever /play was asked for, that record is one the history
/// API takes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlayerRecordTests(StretchingAppFactory app)
{
    private static async Task<(JsonElement Data, string Owner)> PlayerAsync(HttpClient client, string url)
    {
        var (response, page) = await HtmlPage.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = JsonDocument.Parse(page.QuerySelector("session-player script.player-data")!.TextContent).RootElement.Clone();
        var owner = page.QuerySelector("meta[name=stretching-owner]")?.GetAttribute("content");
        Assert.NotNull(owner);
        return (data, owner);
    }

    /// <summary>What the player sends: its data's source and session, every item done as long as it lasts.</summary>
    private static JsonObject RecordFrom(JsonElement data)
    {
        var session = data.GetProperty("session");
        var items = session.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => (JsonNode)new JsonObject
            {
                ["slug"] = i.GetProperty("slug").GetString(),
                ["side"] = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(),
                ["status"] = "done",
                ["seconds"] = i.GetProperty("seconds").GetInt32(),
            }).ToArray();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = JsonNode.Parse(data.GetProperty("source").GetRawText()),
            ["snapshot"] = JsonNode.Parse(session.GetRawText()),
            ["startedAt"] = start.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            ["finishedAt"] = start.AddSeconds(session.GetProperty("totalSeconds").GetInt32()).ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            ["timeZone"] = "Europe/London",
            ["items"] = new JsonArray(items),
            ["painBefore"] = 5,
            ["painAfter"] = 3,
            ["ease"] = 2,
            ["note"] = null,
            ["flags"] = new JsonArray(new JsonObject { ["slug"] = items[0]!["slug"]!.GetValue<string>(), ["felt"] = "good" }),
        };
    }

    [Fact]
    public async Task EveryWayOfPlayingNamesItsSourceAndTheRecordMadeFromThePlayersDataIsKept()
    {
        var ann = await People.SignedInAsync(app);
        var saved = await ann.PostAsJsonAsync("/api/me/sessions", new { name = "Mornings", routine = "female-2" });
        var savedId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var plan = await ann.PutAsJsonAsync("/api/me/plan", new
        {
            goal = "back-health", timeZone = "Europe/London", trainingDays = Array.Empty<string>(),
            slots = new[] { new { day = "tuesday", time = "19:00", play = (object)new { preset = new { minutes = 20, level = "beginner", equipment = new[] { "mat" } } } } },
        });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var week = await ann.GetFromJsonAsync<JsonElement>("/api/me/plan/week");
        var occurrenceUrl = new Uri(week.GetProperty("occurrences")[0].GetProperty("playerUrl").GetString()!).PathAndQuery;

        var cases = new (string Url, string Source)[]
        {
            ("/play?routine=dancer-complex", """{"routine":"dancer-complex"}"""),
            ($"/play?session={savedId}", $$"""{"session":"{{savedId}}"}"""),
            (occurrenceUrl, $$"""{"occurrence":"{{week.GetProperty("occurrences")[0].GetProperty("id").GetString()}}"}"""),
        };
        foreach (var (url, source) in cases)
        {
            var (data, _) = await PlayerAsync(ann, url);
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(source).RootElement, data.GetProperty("source")), $"{url}: {data.GetProperty("source")}");
            var sent = await ann.PostAsync("/api/me/history", Json(RecordFrom(data)));
            Assert.True(sent.StatusCode == HttpStatusCode.Created, $"{url}: {sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task ABuiltSessionNamesItsRequestWithItsSeedAndThePlayedSessionIsKeptAsPlayed()
    {
        var ann = await People.SignedInAsync(app);
        var (data, _) = await PlayerAsync(ann, "/play?minutes=15&level=beginner&equipment=mat&focus=lumbar&seed=12");

        var request = data.GetProperty("source").GetProperty("request");
        Assert.Equal(15, request.GetProperty("minutes").GetInt32());
        Assert.Equal("beginner", request.GetProperty("level").GetString());
        Assert.Equal(["lumbar"], request.GetProperty("focus").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(12, request.GetProperty("seed").GetInt32());

        var record = RecordFrom(data);
        var sent = await ann.PostAsync("/api/me/history", Json(record));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var kept = await ann.GetFromJsonAsync<JsonElement>($"/api/me/history/{record["id"]}");
        Assert.True(JsonElement.DeepEquals(data.GetProperty("session").GetProperty("blocks"), kept.GetProperty("snapshot").GetProperty("blocks")));

        // Sent again, as a retry after a lost answer would: the same record, kept once.
        Assert.Equal(HttpStatusCode.OK, (await ann.PostAsync("/api/me/history", Json(record))).StatusCode);
    }

    [Fact]
    public async Task ThePagesNameWhoIsSignedInByAHintThatIsTheSameForAPersonAndEmptyForNobody()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var anonymous = app.CreatePlainClient();

        var (_, annOnPlayer) = await PlayerAsync(ann, "/play?routine=dancer-complex");
        var (_, bobOnPlayer) = await PlayerAsync(bob, "/play?routine=dancer-complex");
        var (_, nobody) = await PlayerAsync(anonymous, "/play?routine=dancer-complex");
        var (_, annAtHome) = await HtmlPage.GetAsync(ann, "/");

        Assert.Matches("^[A-Za-z0-9_-]{22}$", annOnPlayer);
        Assert.Equal(annOnPlayer, annAtHome.QuerySelector("meta[name=stretching-owner]")!.GetAttribute("content"));
        Assert.NotEqual(annOnPlayer, bobOnPlayer);
        Assert.Equal("", nobody);
        Assert.NotNull(annAtHome.QuerySelector("main [data-local-history][hidden]"));
        Assert.Null((await HtmlPage.GetAsync(anonymous, "/")).Document.QuerySelector("[data-local-history]"));
        Assert.Null((await HtmlPage.GetAsync(ann, "/exercises")).Document.QuerySelector("[data-local-history]"));
    }

    [Fact]
    public async Task ARecordCarryingAnotherPersonsHintIsRefusedAndFiledNowhere()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var (data, annHint) = await PlayerAsync(ann, "/play?routine=dancer-complex");
        var (_, bobHint) = await PlayerAsync(bob, "/play?routine=dancer-complex");
        var record = RecordFrom(data);

        // Ann played it; Bob signed in on the same tablet before it was sent.
        var asBob = Json(record);
        asBob.Headers.Add("X-Owner-Hint", annHint);
        var refused = await bob.PostAsync("/api/me/history", asBob);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/me/history"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync($"/api/me/history/{record["id"]}")).StatusCode);

        var asAnn = Json(record);
        asAnn.Headers.Add("X-Owner-Hint", annHint);
        Assert.Equal(HttpStatusCode.Created, (await ann.PostAsync("/api/me/history", asAnn)).StatusCode);
        Assert.NotEqual(annHint, bobHint);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
