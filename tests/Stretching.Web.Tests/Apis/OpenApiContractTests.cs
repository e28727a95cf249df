using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;
using Stretching.Web.Tests.Accounts;
using Stretching.Web.Tests.Player;

namespace Stretching.Web.Tests.Apis;

/// <summary>
/// /openapi/v1.json is what generated clients are built from, so it has to say what the API answers.
/// This test asks every route for real answers (successes, validation problems, missing things,
/// safety refusals, the account API's answers), writes them beside the document into a temporary
/// folder, and openapi-contract.test.mjs validates every body with ajv against the schema the
/// document gives for its path, method, status and content type. It fails when a body does not
/// match, when a status or content type that was answered is not documented, when a route of the
/// document has no case here, and when a documented status is never answered (unless
/// <see cref="NotProduced"/> says why).
/// </summary>
/// <remarks>
/// A new route fails "every route of the document has a validated answer" until it gets a case: add
/// its requests to one of the methods below (or a new one for a new API group), through
/// <see cref="Answers.RecordAsync"/>, one request for each status the route documents.
/// </remarks>
[Collection(AppCollection.Name)]
public sealed partial class OpenApiContractTests(StretchingAppFactory app)
{
    /// <summary>"METHOD /path status" the document lists but no request here can bring about, and why.</summary>
    /// <remarks>Empty: every documented answer is produced. Prefer taking an answer that cannot happen out of the document.</remarks>
    private static readonly Dictionary<string, string> NotProduced = [];

    [Fact]
    public async Task EveryRouteAnswersAsTheOpenApiDocumentSays()
    {
        var folder = Directory.CreateTempSubdirectory("stretching-openapi-");
        try
        {
            var client = app.CreatePlainClient();
            var documentText = await client.GetStringAsync("/openapi/v1.json");
            var document = JsonNode.Parse(documentText)!;
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "openapi.json"), documentText);
            var answers = new Answers(Path.Combine(folder.FullName, "answers"));

            await CatalogAsync(answers, client);
            await SessionsAsync(answers, client);
            var signedIn = await AccountAsync(answers);
            await MyDataAsync(answers);
            await MyPlanAsync(answers);
            await MyHistoryAsync(answers);
            await UnreadableBodiesAsync(answers, document, signedIn);
            await RealServerLimitsAsync(answers, document);

            // The nullable enum's null branch is only checked if some item has no side.
            Assert.Contains(answers.Bodies, body => body.Contains("\"side\":null", StringComparison.Ordinal));
            Assert.Contains(answers.Bodies, body => body.Contains("\"side\":\"left\"", StringComparison.Ordinal));

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "manifest.json"), JsonSerializer.Serialize(new { notProduced = NotProduced }));
            await NodeTestRunner.RunAsync("openapi-contract.test.mjs", new Dictionary<string, string> { ["OPENAPI_CONTRACT_DIR"] = folder.FullName }, folder: "Apis");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The whole catalog one exercise and one routine at a time, filters good and bad, and unknown slugs.</summary>
    private static async Task CatalogAsync(Answers answers, HttpClient client)
    {
        var exercises = await answers.RecordAsync(HttpStatusCode.OK, client.GetAsync("/api/exercises"));
        await answers.RecordAsync(HttpStatusCode.OK, client.GetAsync("/api/exercises?region=lumbar&region=hips&level=beginner&exclude=osteoporosis&exclude=knee-problems"));
        await answers.RecordAsync(HttpStatusCode.OK, client.GetAsync("/api/exercises?q=cat&equipment=mat"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, client.GetAsync("/api/exercises?region=nowhere&kind=dance"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, client.GetAsync("/api/exercises?q=" + new string('a', 101)));
        foreach (var slug in await SlugsAsync(exercises))
        {
            await answers.RecordAsync(HttpStatusCode.OK, client.GetAsync($"/api/exercises/{slug}"));
        }
        await answers.RecordAsync(HttpStatusCode.NotFound, client.GetAsync("/api/exercises/no-such-exercise"));

        var routines = await answers.RecordAsync(HttpStatusCode.OK, client.GetAsync("/api/routines"));
        foreach (var slug in await SlugsAsync(routines))
        {
            await answers.RecordAsync(HttpStatusCode.OK, client.GetAsync($"/api/routines/{slug}"));
        }
        await answers.RecordAsync(HttpStatusCode.NotFound, client.GetAsync("/api/routines/no-such-routine"));
    }

    /// <summary>Sessions of every length and level, with conditions, a doctor's approval and left-out items; bad input; the three kinds of refusal.</summary>
    private static async Task SessionsAsync(Answers answers, HttpClient client)
    {
        Task<HttpResponseMessage> Build(string body, string contentType = "application/json") =>
            client.PostAsync("/api/sessions/build", new StringContent(body, Encoding.UTF8, contentType));

        foreach (var (minutes, level, seed) in new[] { (10, "beginner", 1), (30, "intermediate", 2), (45, "beginner", 3), (60, "advanced", 4), (90, "intermediate", 5) })
        {
            await answers.RecordAsync(HttpStatusCode.OK, Build($$"""
                { "minutes": {{minutes}}, "level": "{{level}}", "equipment": ["mat", "chair", "wall", "horizontal-bar", "roller"], "seed": {{seed}} }
                """));
        }
        await answers.RecordAsync(HttpStatusCode.OK, Build("""
            { "minutes": 40, "level": "advanced", "focus": ["lumbar", "hips"], "equipment": ["mat"], "conditions": ["knee-problems", "hypertension"],
              "redFlags": ["pain-over-two-weeks"], "doctorApproved": true, "seed": 6, "include": ["cat-cow"], "exclude": ["sphinx"] }
            """));

        await answers.RecordAsync(HttpStatusCode.BadRequest, Build("""{ "minutes": 5, "level": "expert" }"""));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Build("""{ "minutes": 30, "level": "beginner", "colour": "red" }"""));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Build("""{ "minutes": 30, "level": "beginner" }""", "text/plain"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Build("{ not json"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Build("[30]"));

        await answers.RecordAsync(HttpStatusCode.UnprocessableEntity, Build("""{ "minutes": 30, "level": "beginner", "redFlags": ["bowel-or-bladder"] }"""));
        await answers.RecordAsync(HttpStatusCode.UnprocessableEntity, Build("""{ "minutes": 30, "level": "beginner", "conditions": ["osteoporosis"] }"""));
        await answers.RecordAsync(HttpStatusCode.UnprocessableEntity, Build("""{ "minutes": 30, "level": "beginner", "conditions": ["infection"] }"""));
    }

    /// <summary>
    /// One person through the account API: registering, confirming, a password reset, signing in for
    /// a bearer token, refreshing it, the profile and two-factor settings; wrong passwords, codes and
    /// tokens; and a deleted account's token. Returns a client carrying the person's token.
    /// </summary>
    private async Task<HttpClient> AccountAsync(Answers answers)
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var email = $"contract-{Guid.NewGuid():N}@example.test";
        const string NewPassword = "Stretch-2027!";
        Task<HttpResponseMessage> Post(string path, object body, HttpClient? client = null) => (client ?? anonymous).PostAsJsonAsync(path, body);

        await answers.RecordAsync(HttpStatusCode.BadRequest, Post("/api/account/register", new { email, password = "short" }));
        await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/register", new { email, password = People.Password }));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, Post("/api/account/login", new { email, password = People.Password }));
        await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/resendConfirmationEmail", new { email }));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.GetAsync("/api/account/confirmEmail?userId=nobody&code=nothing"));
        await answers.RecordAsync(HttpStatusCode.OK, anonymous.GetAsync(People.LinkIn(await People.EmailToAsync(app, email))));

        await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/forgotPassword", new { email }));
        var code = ResetCode().Match(await People.EmailToAsync(app, email)).Groups[1].Value;
        await answers.RecordAsync(HttpStatusCode.BadRequest, Post("/api/account/resetPassword", new { email, resetCode = "wrong", newPassword = NewPassword }));
        await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/resetPassword", new { email, resetCode = code, newPassword = NewPassword }));

        await answers.RecordAsync(HttpStatusCode.Unauthorized, Post("/api/account/login", new { email, password = People.Password }));
        var login = await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/login", new { email, password = NewPassword }));
        var refreshToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        await answers.RecordAsync(HttpStatusCode.Unauthorized, Post("/api/account/refresh", new { refreshToken = "not-a-token" }));
        var refreshed = await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/refresh", new { refreshToken }));
        var signedIn = BearerClient((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);

        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.GetAsync("/api/account/manage/info"));
        await answers.RecordAsync(HttpStatusCode.OK, signedIn.GetAsync("/api/account/manage/info"));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, Post("/api/account/manage/info", new { }));
        await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/manage/info", new { }, signedIn));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Post("/api/account/manage/info", new { newPassword = "Other-2027!", oldPassword = "wrong-Password1!" }, signedIn));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, Post("/api/account/manage/2fa", new { }));
        await answers.RecordAsync(HttpStatusCode.OK, Post("/api/account/manage/2fa", new { }, signedIn));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Post("/api/account/manage/2fa", new { enable = true }, signedIn));

        // A token outlives its account: the manage routes then answer 404.
        var goneEmail = $"contract-gone-{Guid.NewGuid():N}@example.test";
        await People.RegisterAndConfirmAsync(app, anonymous, goneEmail);
        var goneLogin = await Post("/api/account/login", new { email = goneEmail, password = People.Password });
        var gone = BearerClient((await goneLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(goneEmail))!)).Succeeded);
        }
        await answers.RecordAsync(HttpStatusCode.NotFound, gone.GetAsync("/api/account/manage/info"));
        await answers.RecordAsync(HttpStatusCode.NotFound, Post("/api/account/manage/info", new { }, gone));
        await answers.RecordAsync(HttpStatusCode.NotFound, Post("/api/account/manage/2fa", new { }, gone));

        return signedIn;
    }

    /// <summary>
    /// A person's own data under /api/me: saving, reading, editing (also stale and conflicting edits),
    /// deleting; profile and favourites; bad input and unknown ids; and every route without a sign-in.
    /// </summary>
    private async Task MyDataAsync(Answers answers)
    {
        var person = await People.SignedInAsync(app);
        var anonymous = app.CreatePlainClient();
        Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null, HttpClient? client = null, string? ifMatch = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return (client ?? person).SendAsync(request);
        }

        var routine = await answers.RecordAsync(HttpStatusCode.Created, Send(HttpMethod.Post, "/api/me/sessions", new { name = "Evening", routine = "twelve-back-stretches" }));
        var id = (await routine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await answers.RecordAsync(HttpStatusCode.Created, Send(HttpMethod.Post, "/api/me/sessions", new { name = "Lunch", request = new { minutes = 20, level = "beginner", seed = 3 } }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Send(HttpMethod.Post, "/api/me/sessions", new { name = "", routine = "no-such-routine" }));
        await answers.RecordAsync(HttpStatusCode.UnprocessableEntity, Send(HttpMethod.Post, "/api/me/sessions", new { name = "Risky", request = new { minutes = 20, level = "beginner", redFlags = new[] { "bowel-or-bladder" } } }));
        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Get, "/api/me/sessions"));

        var saved = await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Get, $"/api/me/sessions/{id}"));
        var etag = saved.Headers.ETag!.Tag;
        var session = await saved.Content.ReadFromJsonAsync<JsonObject>();
        session!["name"] = "Evening, longer";
        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Put, $"/api/me/sessions/{id}", session, ifMatch: etag));
        await answers.RecordAsync(HttpStatusCode.PreconditionFailed, Send(HttpMethod.Put, $"/api/me/sessions/{id}", new { name = "Stale" }, ifMatch: etag));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Send(HttpMethod.Put, $"/api/me/sessions/{id}", new { name = new string('x', 300) }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Send(HttpMethod.Put, $"/api/me/sessions/{id}", "{ not json"));
        await answers.RecordAsync(HttpStatusCode.UnsupportedMediaType, person.PutAsync($"/api/me/sessions/{id}", new StringContent("{}", Encoding.UTF8, "text/plain")));
        await answers.RecordAsync(HttpStatusCode.NotFound, Send(HttpMethod.Get, "/api/me/sessions/nosuchsession"));
        await answers.RecordAsync(HttpStatusCode.NotFound, Send(HttpMethod.Put, "/api/me/sessions/nosuchsession", new { name = "x" }));
        await answers.RecordAsync(HttpStatusCode.NoContent, Send(HttpMethod.Delete, $"/api/me/sessions/{id}"));
        await answers.RecordAsync(HttpStatusCode.NotFound, Send(HttpMethod.Delete, $"/api/me/sessions/{id}"));

        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Get, "/api/me/profile"));
        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Put, "/api/me/profile",
            new { level = "intermediate", equipment = new[] { "mat" }, conditions = new[] { "scoliosis" }, timeZone = "Europe/Berlin", healthConsent = true }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, Send(HttpMethod.Put, "/api/me/profile", new { level = "beginner", conditions = new[] { "scoliosis" } }));

        await answers.RecordAsync(HttpStatusCode.Created, Send(HttpMethod.Put, "/api/me/favourites/cat-cow"));
        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Put, "/api/me/favourites/cat-cow"));
        await answers.RecordAsync(HttpStatusCode.NotFound, Send(HttpMethod.Put, "/api/me/favourites/no-such-exercise"));
        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Get, "/api/me/favourites"));
        await answers.RecordAsync(HttpStatusCode.OK, Send(HttpMethod.Get, "/api/me/favourites/cat-cow"));
        await answers.RecordAsync(HttpStatusCode.NoContent, Send(HttpMethod.Delete, "/api/me/favourites/cat-cow"));
        await answers.RecordAsync(HttpStatusCode.NotFound, Send(HttpMethod.Get, "/api/me/favourites/cat-cow"));
        await answers.RecordAsync(HttpStatusCode.NotFound, Send(HttpMethod.Delete, "/api/me/favourites/cat-cow"));

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/api/me/sessions"), (HttpMethod.Post, "/api/me/sessions"), (HttpMethod.Get, $"/api/me/sessions/{id}"),
            (HttpMethod.Put, $"/api/me/sessions/{id}"), (HttpMethod.Delete, $"/api/me/sessions/{id}"), (HttpMethod.Get, "/api/me/profile"),
            (HttpMethod.Put, "/api/me/profile"), (HttpMethod.Get, "/api/me/favourites"), (HttpMethod.Get, "/api/me/favourites/cat-cow"),
            (HttpMethod.Put, "/api/me/favourites/cat-cow"), (HttpMethod.Delete, "/api/me/favourites/cat-cow"),
        })
        {
            await answers.RecordAsync(HttpStatusCode.Unauthorized, Send(method, path, new { }, anonymous));
        }
    }

    /// <summary>A weekly plan: empty, saved with each kind of slot, refused, its week and warnings; and without a sign-in.</summary>
    private async Task MyPlanAsync(Answers answers)
    {
        var person = await People.SignedInAsync(app);
        var anonymous = app.CreatePlainClient();
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/plan"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/plan/week"));
        var saved = await (await person.PostAsJsonAsync("/api/me/sessions", new { name = "Evening", routine = "dancer-complex" })).Content.ReadFromJsonAsync<JsonElement>();
        await answers.RecordAsync(HttpStatusCode.OK, person.PutAsJsonAsync("/api/me/plan", new
        {
            goal = "dancer", timeZone = "Europe/Berlin", trainingDays = new[] { "monday" }, alarmMinutes = 15,
            slots = new object[]
            {
                new { day = "monday", time = "19:30", play = new { routine = "dancer-complex" } },
                new { day = "tuesday", time = "19:30", play = new { session = saved.GetProperty("id").GetString() } },
                new { day = "friday", time = "07:15", play = new { preset = new { minutes = 20, level = "beginner", focus = new[] { "neck" } } } },
            },
        }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.PutAsJsonAsync("/api/me/plan", new { timeZone = "Nowhere/Atall", slots = new[] { new { day = "monday", time = "25:00" } } }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.PutAsync("/api/me/plan", new StringContent("{ not json", Encoding.UTF8, "application/json")));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/plan"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/plan/week?start=2026-03-23"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.GetAsync("/api/me/plan/week?start=soon"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/plan/warnings"));
        var free = new[] { new { day = "monday", time = "19:30" }, new { day = "wednesday", time = "19:30" }, new { day = "friday", time = "18:00" } };
        await answers.RecordAsync(HttpStatusCode.OK, person.PostAsJsonAsync("/api/me/plan/generate", new { goal = "strength-and-cardio", timeZone = "Europe/Berlin", freeTimes = free, minutes = 30, level = "intermediate", equipment = new[] { "mat", "chair" } }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.PostAsJsonAsync("/api/me/plan/generate", new { timeZone = "Europe/Berlin", freeTimes = new[] { new { day = "monday", time = "7pm" } }, minutes = 30, level = "beginner" }));
        await answers.RecordAsync(HttpStatusCode.UnprocessableEntity, person.PostAsJsonAsync("/api/me/plan/generate", new { timeZone = "Europe/Berlin", freeTimes = free, minutes = 30, level = "beginner", conditions = new[] { "infection" } }));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.PostAsJsonAsync("/api/me/plan/generate", new { }));
        foreach (var path in new[] { "/api/me/plan", "/api/me/plan/week", "/api/me/plan/warnings" })
        {
            await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.GetAsync(path));
        }
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.PutAsJsonAsync("/api/me/plan", new { }));
    }

    /// <summary>Played sessions: kept, replayed, refused, read, exported, imported, deleted; and without a sign-in.</summary>
    private async Task MyHistoryAsync(Answers answers)
    {
        var person = await People.SignedInAsync(app);
        var anonymous = app.CreatePlainClient();
        var routine = await person.GetFromJsonAsync<JsonElement>("/api/routines/dancer-complex");
        var items = routine.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("items").EnumerateArray())
            .Select(i => new { slug = i.GetProperty("slug").GetString(), side = i.GetProperty("side").ValueKind == JsonValueKind.Null ? null : i.GetProperty("side").GetString(), status = "done", seconds = 20 })
            .ToArray();
        var id = Guid.NewGuid().ToString();
        var record = new
        {
            id, startedAt = "2026-11-20T19:30:00+01:00", finishedAt = "2026-11-20T20:05:00+01:00", timeZone = "Europe/Berlin", source = new { routine = "dancer-complex" },
            items, painBefore = 3, painAfter = 1, ease = 2, note = "Fine", flags = new[] { new { slug = items[0].slug, felt = "hurt" } },
        };
        await answers.RecordAsync(HttpStatusCode.Created, person.PostAsJsonAsync("/api/me/history", record));
        await answers.RecordAsync(HttpStatusCode.OK, person.PostAsJsonAsync("/api/me/history", record));
        await answers.RecordAsync(HttpStatusCode.Conflict, person.PostAsJsonAsync("/api/me/history", record with { painAfter = 5 }));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.PostAsJsonAsync("/api/me/history", record with { id = Guid.NewGuid().ToString(), painBefore = 12 }));
        var someoneElses = JsonContent.Create(record with { id = Guid.NewGuid().ToString() });
        someoneElses.Headers.Add(Stretching.Web.Apis.HistoryApi.OwnerHintHeader, "not-this-persons-hint");
        await answers.RecordAsync(HttpStatusCode.Forbidden, person.PostAsync("/api/me/history", someoneElses));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/history"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/history?from=2026-11-01&to=2026-11-30"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.GetAsync("/api/me/history?from=yesterday"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync($"/api/me/history/{id}"));
        await answers.RecordAsync(HttpStatusCode.NotFound, person.GetAsync($"/api/me/history/{Guid.NewGuid()}"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/history.csv"));
        var export = await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/history.json"));
        var file = await export.Content.ReadAsStringAsync();
        await answers.RecordAsync(HttpStatusCode.OK, person.PostAsync("/api/me/history/import", new StringContent(file, Encoding.UTF8, "application/json")));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.PostAsync("/api/me/history/import", new StringContent("""{ "version": 1, "records": [{ "id": "x" }] }""", Encoding.UTF8, "application/json")));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/progress"));
        await answers.RecordAsync(HttpStatusCode.OK, person.GetAsync("/api/me/progress?from=2026-11-01&to=2026-11-21"));
        await answers.RecordAsync(HttpStatusCode.BadRequest, person.GetAsync("/api/me/progress?from=last-month"));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.GetAsync("/api/me/progress"));
        await answers.RecordAsync(HttpStatusCode.NoContent, person.DeleteAsync($"/api/me/history/{id}"));
        await answers.RecordAsync(HttpStatusCode.NotFound, person.DeleteAsync($"/api/me/history/{id}"));
        foreach (var path in new[] { "/api/me/history", $"/api/me/history/{id}", "/api/me/history.csv", "/api/me/history.json" })
        {
            await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.GetAsync(path));
        }
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.PostAsJsonAsync("/api/me/history", new { }));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.PostAsJsonAsync("/api/me/history/import", new { }));
        await answers.RecordAsync(HttpStatusCode.Unauthorized, anonymous.DeleteAsync($"/api/me/history/{id}"));
    }

    /// <summary>
    /// Every operation of the document that takes a JSON body, sent one that is not JSON and one that
    /// is not sent as JSON, signed in so the body is what is judged. Whatever they answer must be documented.
    /// </summary>
    private static async Task UnreadableBodiesAsync(Answers answers, JsonNode document, HttpClient signedIn)
    {
        foreach (var (method, path, operation) in Operations(document))
        {
            // Routes with parameters in the path need real ids; give them cases of their own.
            if (operation["requestBody"]?["content"]?["application/json"] is null || path.Contains('{')) continue;
            await answers.RecordAsync(null, signedIn.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent("{ not json", Encoding.UTF8, "application/json") }));
            await answers.RecordAsync(null, signedIn.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") }));
        }
    }

    /// <summary>
    /// What only a real server with tight limits answers, from an app of its own on Kestrel: the build's
    /// 16 KB body limit (the in-memory test server enforces none), and 429 from every operation that
    /// documents it once the account limit, set to one request, is spent.
    /// </summary>
    private static async Task RealServerLimitsAsync(Answers answers, JsonNode document)
    {
        using var factory = new StretchingAppFactory();
        using var server = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:Account:PermitLimit", "1"));
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var huge = $$"""{ "minutes": 30, "level": "beginner", "exclude": ["{{new string('a', 20_000)}}"] }""";
        await answers.RecordAsync(HttpStatusCode.RequestEntityTooLarge, client.PostAsync("/api/sessions/build", new StringContent(huge, Encoding.UTF8, "application/json")));

        await HistoryLimitsAsync(answers);
        await client.PostAsJsonAsync("/api/account/forgotPassword", new { email = "nobody@example.test" });
        foreach (var (method, path, operation) in Operations(document))
        {
            if (operation["responses"]?["429"] is null) continue;
            await answers.RecordAsync(HttpStatusCode.TooManyRequests, client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { email = "nobody@example.test" }) }));
        }
    }

    /// <summary>The history's body limits, signed in, on a real server of its own (the account limit of the one above would refuse the sign-in).</summary>
    private static async Task HistoryLimitsAsync(Answers answers)
    {
        using var factory = new StretchingAppFactory();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        factory.ClientOptions.BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        var person = await People.SignedInAsync(factory);
        // "Expect: 100-continue" lets the server refuse by the declared length before the body is sent, as a careful client would.
        Task<HttpResponseMessage> Post(string path, string body) => person.SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        });
        await answers.RecordAsync(HttpStatusCode.RequestEntityTooLarge, Post("/api/me/history", $$"""{ "id": "{{Guid.NewGuid()}}", "note": "{{new string('a', 300_000)}}" }"""));
        await answers.RecordAsync(HttpStatusCode.RequestEntityTooLarge, Post("/api/me/history/import", $$"""{ "version": 1, "records": [{ "note": "{{new string('a', 17_000_000)}}" }] }"""));
    }

    private static IEnumerable<(HttpMethod Method, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where operation.Key is "get" or "put" or "post" or "delete" or "patch"
        select (new HttpMethod(operation.Key.ToUpperInvariant()), path.Key, operation.Value!);

    private static async Task<IEnumerable<string>> SlugsAsync(HttpResponseMessage list) =>
        (await list.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(item => item.GetProperty("slug").GetString()!);

    private HttpClient BearerClient(string accessToken)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    [GeneratedRegex(@"reset code is (\S+?)\.(\s|$)")]
    private static partial Regex ResetCode();

    /// <summary>Writes each answer (request, status, content type, body) as a file of its own for the script.</summary>
    private sealed class Answers(string folder)
    {
        public List<string> Bodies { get; } = [];

        /// <summary>Sends, checks the status the case is for (when it is for one) and writes the answer down.</summary>
        public async Task<HttpResponseMessage> RecordAsync(HttpStatusCode? expected, Task<HttpResponseMessage> sending)
        {
            var response = await sending;
            var request = response.RequestMessage!;
            var body = await response.Content.ReadAsStringAsync();
            var url = request.RequestUri!.PathAndQuery;
            Assert.True(expected is null || expected == response.StatusCode,
                $"{request.Method} {url} answered {(int)response.StatusCode}, the case is for {(int?)expected}:\n{body}");

            Directory.CreateDirectory(folder);
            var answer = new
            {
                method = request.Method.Method,
                url,
                status = (int)response.StatusCode,
                contentType = response.Content.Headers.ContentType?.ToString(),
                body,
            };
            Bodies.Add(body);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{Bodies.Count:D4}.json"), JsonSerializer.Serialize(answer));
            return response;
        }
    }
}
