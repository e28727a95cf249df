using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Apis;

/// <summary>A person's own data through /api/me, always with two people: neither can read or change the other's.</summary>
public abstract class MeApiTests(StretchingAppFactory app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> SaveRoutineAsync(HttpClient person, string routine = "twelve-back-stretches", string name = "Evening")
    {
        var response = await person.PostAsJsonAsync("/api/me/sessions", new { name, routine });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    [ProviderTheory]
    [InlineData("GET", "/api/me/sessions")]
    [InlineData("POST", "/api/me/sessions")]
    [InlineData("GET", "/api/me/sessions/abc")]
    [InlineData("PUT", "/api/me/sessions/abc")]
    [InlineData("DELETE", "/api/me/sessions/abc")]
    [InlineData("GET", "/api/me/profile")]
    [InlineData("PUT", "/api/me/profile")]
    [InlineData("GET", "/api/me/favourites")]
    [InlineData("PUT", "/api/me/favourites/cat-cow")]
    public async Task WithoutASignInEveryRouteIsA401ProblemNotARedirect(string method, string path)
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [ProviderFact]
    public async Task ASavedSessionBelongsToItsOwnerAloneAndAnotherPersonsIdIsA404()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);
        var saved = await SaveRoutineAsync(ann);
        var id = saved.GetProperty("id").GetString()!;

        Assert.Equal("Evening", saved.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, saved.GetProperty("blocks").ValueKind);
        var get = await ann.GetAsync($"/api/me/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        Assert.Contains((await ann.GetFromJsonAsync<JsonElement[]>("/api/me/sessions"))!, s => s.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/me/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PutAsJsonAsync($"/api/me/sessions/{id}", new { name = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/me/sessions/{id}")).StatusCode);
        Assert.DoesNotContain((await bob.GetFromJsonAsync<JsonElement[]>("/api/me/sessions"))!, s => s.GetProperty("id").GetString() == id);
        Assert.Equal("Evening", (await ann.GetFromJsonAsync<JsonElement>($"/api/me/sessions/{id}")).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await ann.DeleteAsync($"/api/me/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync($"/api/me/sessions/{id}")).StatusCode);
    }

    [ProviderFact]
    public async Task ABuiltSessionIsSavedFromTheBuildersRequestAndBadInputNamesTheField()
    {
        var ann = await People.SignedInAsync(app);

        var created = await ann.PostAsJsonAsync("/api/me/sessions", new { name = "Lunch", request = new { minutes = 20, level = "beginner", seed = 4 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var built = await (await app.CreateClient().PostAsJsonAsync("/api/sessions/build", new { minutes = 20, level = "beginner", seed = 4 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(JsonElement.DeepEquals(built.GetProperty("blocks"), (await JsonAsync(created)).GetProperty("blocks")));
        Assert.StartsWith("/api/me/sessions/", created.Headers.Location!.OriginalString);

        await ExpectProblemAsync(await ann.PostAsJsonAsync("/api/me/sessions", new { name = "", routine = "dancer-complex" }), HttpStatusCode.BadRequest, "name");
        await ExpectProblemAsync(await ann.PostAsJsonAsync("/api/me/sessions", new { name = "x", routine = "no-such" }), HttpStatusCode.BadRequest, "routine");
        await ExpectProblemAsync(await ann.PostAsJsonAsync("/api/me/sessions", new { name = "x", request = new { minutes = 500, level = "beginner" } }), HttpStatusCode.BadRequest, "request.minutes");
        await ExpectProblemAsync(await ann.PostAsJsonAsync("/api/me/sessions", new { name = "x", routine = "dancer-complex", request = new { minutes = 20 } }), HttpStatusCode.BadRequest, "routine");
        await ExpectProblemAsync(await ann.PostAsJsonAsync("/api/me/sessions", new { name = "x", colour = "red" }), HttpStatusCode.BadRequest, "colour");
        var refused = await ann.PostAsJsonAsync("/api/me/sessions", new { name = "x", request = new { minutes = 20, level = "beginner", redFlags = new[] { "bowel-or-bladder" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [ProviderFact]
    public async Task EditingASavedSessionKeepsDosesInRangePlacesRestsAgainAndRefusesAStaleCopy()
    {
        var ann = await People.SignedInAsync(app);
        var saved = await SaveRoutineAsync(ann, "dancer-complex");
        var id = saved.GetProperty("id").GetString()!;
        var document = JsonNode.Parse(saved.GetRawText())!;
        var main = document["blocks"]!.AsArray().Single(b => (string)b!["kind"]! == "main")!["items"]!.AsArray();
        var before = saved.GetProperty("totalSeconds").GetInt32();

        // Leave out the first three exercises of the main set (their rests are placed again).
        var firstSlugs = main.Where(i => (string)i!["role"]! == "exercise").Select(i => (string)i!["slug"]!).Distinct().Take(3).ToHashSet();
        foreach (var item in main.Where(i => firstSlugs.Contains((string)i!["slug"]!)).ToList()) main.Remove(item);
        document["name"] = "Shorter";

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/me/sessions/{id}") { Content = JsonContent.Create(document) };
        stale.Headers.IfMatch.Add(new("\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ann.SendAsync(stale)).StatusCode);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/me/sessions/{id}") { Content = JsonContent.Create(document) };
        put.Headers.IfMatch.Add(new("\"1\""));
        var edited = await ann.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var result = await JsonAsync(edited);
        Assert.Equal("Shorter", result.GetProperty("name").GetString());
        Assert.True(result.GetProperty("totalSeconds").GetInt32() < before);
        Assert.Equal(2, result.GetProperty("revision").GetInt32());
        Assert.DoesNotContain(result.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()),
            i => firstSlugs.Contains(i.GetProperty("slug").GetString()!));

        var tooMany = JsonNode.Parse(result.GetRawText())!;
        var cat = tooMany["blocks"]!.AsArray().SelectMany(b => b!["items"]!.AsArray()).First(i => (string)i!["slug"]! == "cat-cow")!;
        cat["reps"] = 50;
        var invalid = await ann.PutAsJsonAsync($"/api/me/sessions/{id}", tooMany);
        await ExpectProblemAsync(invalid, HttpStatusCode.BadRequest, "entries[");
    }

    [ProviderFact]
    public async Task EditsRunTheSafetyScreenWithTheOwnersConditionsAndSayWhatWasRemoved()
    {
        var ann = await People.SignedInAsync(app);
        var saved = await SaveRoutineAsync(ann, "advanced-complex");
        var id = saved.GetProperty("id").GetString()!;
        Assert.Contains(saved.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()), i => i.GetProperty("slug").GetString() == "jefferson-curl");
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsJsonAsync("/api/me/profile",
            new { level = "advanced", equipment = new[] { "mat" }, conditions = new[] { "hernia" }, timeZone = "Europe/Berlin", healthConsent = true })).StatusCode);

        var edited = await JsonAsync(await ann.PutAsJsonAsync($"/api/me/sessions/{id}", JsonNode.Parse(saved.GetRawText())));

        Assert.DoesNotContain(edited.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray()), i => i.GetProperty("slug").GetString() == "jefferson-curl");
        var removed = Assert.Single(edited.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("slug").GetString() == "jefferson-curl");
        Assert.Contains("hernia", removed.GetProperty("reason").GetString());
    }

    [ProviderFact]
    public async Task HealthConditionsAreKeptOnlyWithConsentAndEachProfileIsItsOwners()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);

        var fresh = await ann.GetFromJsonAsync<JsonElement>("/api/me/profile");
        Assert.Equal("beginner", fresh.GetProperty("level").GetString());
        Assert.False(fresh.GetProperty("healthConsent").GetBoolean());

        await ExpectProblemAsync(await ann.PutAsJsonAsync("/api/me/profile", new { level = "beginner", equipment = new[] { "mat" }, conditions = new[] { "scoliosis" }, healthConsent = false }), HttpStatusCode.BadRequest, "healthConsent");
        await ExpectProblemAsync(await ann.PutAsJsonAsync("/api/me/profile", new { level = "beginner", timeZone = "Mars/Olympus" }), HttpStatusCode.BadRequest, "timeZone");
        await ExpectProblemAsync(await ann.PutAsJsonAsync("/api/me/profile", new { level = "guru" }), HttpStatusCode.BadRequest, "level");
        await ExpectProblemAsync(await ann.PutAsJsonAsync("/api/me/profile", new { level = "beginner", equipment = new[] { "trampoline" } }), HttpStatusCode.BadRequest, "equipment");

        var saved = await ann.PutAsJsonAsync("/api/me/profile", new { level = "intermediate", equipment = new[] { "mat", "chair" }, conditions = new[] { "scoliosis" }, timeZone = "Europe/Berlin", healthConsent = true });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var profile = await ann.GetFromJsonAsync<JsonElement>("/api/me/profile");
        Assert.Equal(["scoliosis"], profile.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Europe/Berlin", profile.GetProperty("timeZone").GetString());
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement>("/api/me/profile")).GetProperty("conditions").EnumerateArray());

        await ann.PutAsJsonAsync("/api/me/profile", new { level = "intermediate", equipment = new[] { "mat" }, healthConsent = false });
        var withdrawn = await ann.GetFromJsonAsync<JsonElement>("/api/me/profile");
        Assert.Empty(withdrawn.GetProperty("conditions").EnumerateArray());
        Assert.False(withdrawn.GetProperty("healthConsent").GetBoolean());
    }

    [ProviderFact]
    public async Task FavouritesAreMarkedAndUnmarkedPerPerson()
    {
        var ann = await People.SignedInAsync(app);
        var bob = await People.SignedInAsync(app);

        Assert.Equal(HttpStatusCode.Created, (await ann.PutAsync("/api/me/favourites/cat-cow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ann.PutAsync("/api/me/favourites/cat-cow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/api/me/favourites/cat-cow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync("/api/me/favourites/cat-cow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync("/api/me/favourites/cat-cow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.PutAsync("/api/me/favourites/no-such-move", null)).StatusCode);
        Assert.Equal(["cat-cow"], (await ann.GetFromJsonAsync<JsonElement[]>("/api/me/favourites"))!.Select(f => f.GetProperty("slug").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await ann.DeleteAsync("/api/me/favourites/cat-cow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync("/api/me/favourites/cat-cow")).StatusCode);
    }

    private static async Task ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
    }
}

[Collection(AppCollection.Name)]
public sealed class MeApiTestsOnSqlite(StretchingAppFactory app) : MeApiTests(app);

[OnPostgreSql]
[Collection(PostgresAppCollection.Name)]
public sealed class MeApiTestsOnPostgreSql(PostgresAppFactory app) : MeApiTests(app);
