using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stretching.Core.Catalog;

namespace Stretching.Web.Tests.Apis;

[Collection(AppCollection.Name)]
public sealed class SessionsApiTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    private const string ValidBody = """
        { "minutes": 45, "level": "beginner", "focus": ["lumbar"], "equipment": ["mat"],
          "conditions": [], "redFlags": [], "seed": 42, "doctorApproved": false, "include": [], "exclude": [] }
        """;

    private Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json") =>
        _client.PostAsync("/api/sessions/build", new StringContent(body, Encoding.UTF8, contentType));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AValidRequestBuildsASessionInTheContractShape()
    {
        var response = await PostAsync(ValidBody);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(45, session.GetProperty("minutes").GetInt32());
        Assert.Equal(42, session.GetProperty("seed").GetInt32());
        Assert.InRange(session.GetProperty("totalSeconds").GetInt32(), 2565, 2835);
        var blocks = session.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["warm-up", "main", "cool-down"], blocks.Select(b => b.GetProperty("kind").GetString()));
        var item = blocks[1].GetProperty("items")[0];
        foreach (var field in new[] { "slug", "name", "role", "startSeconds", "seconds", "reps", "holdSeconds", "side", "cue", "reason" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"missing {field}");
        }
        Assert.Contains(blocks[1].GetProperty("items").EnumerateArray(), i => i.GetProperty("role").GetString() == "rest");
        Assert.Equal(JsonValueKind.Array, session.GetProperty("excluded").ValueKind);
        Assert.Equal(JsonValueKind.Array, session.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameSession()
    {
        var first = await (await PostAsync(ValidBody)).Content.ReadAsStringAsync();
        var second = await (await PostAsync(ValidBody)).Content.ReadAsStringAsync();
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("""{ "minutes": 5, "level": "beginner" }""", "minutes")]
    [InlineData("""{ "minutes": 91, "level": "beginner" }""", "minutes")]
    [InlineData("""{ "level": "beginner" }""", "minutes")]
    [InlineData("""{ "minutes": "many", "level": "beginner" }""", "minutes")]
    [InlineData("""{ "minutes": 45, "level": "expert" }""", "level")]
    [InlineData("""{ "minutes": 45 }""", "level")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "focus": ["back"] }""", "focus")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "focus": "lumbar" }""", "focus")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "equipment": ["sofa"] }""", "equipment")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "conditions": ["flu"] }""", "conditions")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "redFlags": ["headache"] }""", "redFlags")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "include": ["no-such-move"] }""", "include")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "exclude": ["no-such-move"] }""", "exclude")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "doctorApproved": "yes" }""", "doctorApproved")]
    [InlineData("""{ "minutes": 45, "level": "beginner", "unknown": 1 }""", "unknown")]
    [InlineData("""{ "minutes": 45, "level": """, "body")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("", "body")]
    public async Task AnInvalidBodyIsABadRequestNamingTheField(string body, string field)
    {
        var problem = await ProblemAsync(await PostAsync(body), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task AWrongContentTypeIsABadRequest()
    {
        var problem = await ProblemAsync(await PostAsync("minutes=45", "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("osteoporosis")]
    [InlineData("thrombosis")]
    [InlineData("arthritis-flare")]
    public async Task AnH1ConditionIsRefusedWithAnExplanation(string condition)
    {
        var problem = await ProblemAsync(
            await PostAsync($$"""{ "minutes": 30, "level": "beginner", "conditions": ["{{condition}}"] }"""),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("see-doctor", problem.GetProperty("kind").GetString());
        Assert.Contains("doctor", problem.GetProperty("detail").GetString());
        Assert.Null(UserText.FindInternalReference(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("bowel-or-bladder")]
    [InlineData("trouble-walking")]
    [InlineData("groin-numbness")]
    public async Task ANerveWarningSignIsAnEmergencyEvenWithADoctorsApproval(string flag)
    {
        foreach (var approved in new[] { "false", "true" })
        {
            var problem = await ProblemAsync(
                await PostAsync($$"""{ "minutes": 30, "level": "beginner", "redFlags": ["{{flag}}"], "doctorApproved": {{approved}} }"""),
                HttpStatusCode.UnprocessableEntity);
            Assert.Equal("emergency", problem.GetProperty("kind").GetString());
            Assert.Contains("today", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task LongLastingPainIsRefusedUnlessADoctorApproved()
    {
        var refused = await ProblemAsync(await PostAsync("""{ "minutes": 30, "level": "beginner", "redFlags": ["pain-over-two-weeks"] }"""), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("see-doctor", refused.GetProperty("kind").GetString());

        var approved = await PostAsync("""{ "minutes": 30, "level": "advanced", "redFlags": ["pain-over-two-weeks"], "doctorApproved": true }""");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var session = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(session.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("gentlest"));
    }

    [Fact]
    public async Task RoutinesAreListedAndServedAsSessions()
    {
        var routines = await _client.GetFromJsonAsync<JsonElement[]>("/api/routines");
        Assert.True(routines!.Length >= 10);

        var dancer = await _client.GetFromJsonAsync<JsonElement>("/api/routines/dancer-complex");
        Assert.Equal("Dancer's back complex", dancer.GetProperty("name").GetString());
        var sedentary = await _client.GetFromJsonAsync<JsonElement>("/api/routines/sedentary-day");
        Assert.Contains("With a sedentary lifestyle", sedentary.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["warm-up", "main", "cool-down"], dancer.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("kind").GetString()));
        Assert.True(dancer.GetProperty("totalSeconds").GetInt32() > 0);
    }

    [Fact]
    public async Task AnUnknownRoutineIsANotFoundProblem()
    {
        await ProblemAsync(await _client.GetAsync("/api/routines/no-such-routine"), HttpStatusCode.NotFound);
    }
}
