using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Stretching.Web.Tests.Apis;

[Collection(AppCollection.Name)]
public sealed class ExercisesApiTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    private async Task<JsonElement[]> GetListAsync(string query)
    {
        var response = await _client.GetAsync("/api/exercises" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private static string[] Slugs(IEnumerable<JsonElement> items) => items.Select(e => e.GetProperty("slug").GetString()!).ToArray();

    private async Task<JsonElement> GetProblemAsync(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ListingWithoutFiltersReturnsTheWholeCatalog()
    {
        var all = await GetListAsync("");
        Assert.True(all.Length >= 50);
        Assert.Equal(all.Length, Slugs(all).Distinct().Count());
    }

    [Fact]
    public async Task AnExerciseFollowsTheContractShape()
    {
        var exercise = await _client.GetFromJsonAsync<JsonElement>("/api/exercises/childs-pose");

        string[] fields =
        [
            "slug", "name", "aliases", "summary", "steps", "benefits", "regions", "position", "kind", "level", "hold",
            "reps", "breaths", "perSide", "breathing", "easier", "harder", "variations", "equipment", "patterns",
            "contraindications", "cautions", "precautions", "fromArticles", "sources",
        ];
        Assert.All(fields, f => Assert.True(exercise.TryGetProperty(f, out _), $"missing {f}"));
        Assert.Equal("kneeling", exercise.GetProperty("position").GetString());
        Assert.Equal("relaxation", exercise.GetProperty("kind").GetString());
        Assert.Equal(20, exercise.GetProperty("hold").GetProperty("minSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, exercise.GetProperty("reps").ValueKind);
        Assert.Equal(["spinal-flexion", "kneeling"], exercise.GetProperty("patterns").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("knee-problems", exercise.GetProperty("cautions").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(exercise.GetProperty("sources").EnumerateArray(), s => s.GetProperty("article").GetString() == "spinal-stretching");
    }

    [Fact]
    public async Task AnOpenEndedDurationCarriesItsFlagAndOtherRangesDoNot()
    {
        var roller = await _client.GetFromJsonAsync<JsonElement>("/api/exercises/roller-lying");
        var duration = roller.GetProperty("duration");
        Assert.Equal(300, duration.GetProperty("minSeconds").GetInt32());
        Assert.True(duration.GetProperty("atLeast").GetBoolean());

        var childsPose = await _client.GetFromJsonAsync<JsonElement>("/api/exercises/childs-pose");
        Assert.False(childsPose.GetProperty("hold").TryGetProperty("atLeast", out _));
    }

    [Fact]
    public async Task VocabularyIdsUseTheContractsKebabCase()
    {
        var bar = await _client.GetFromJsonAsync<JsonElement>("/api/exercises/bar-hang");
        Assert.Equal("hanging", bar.GetProperty("position").GetString());
        Assert.Contains("horizontal-bar", bar.GetProperty("equipment").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("cervical-spine-lesion", bar.GetProperty("contraindications").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("?q=embryo", "childs-pose")]
    [InlineData("?q=EMBRYO", "childs-pose")]
    [InlineData("?q=c%C3%B4bra", "cobra")]
    [InlineData("?q=Bhujangasana", "cobra")]
    public async Task SearchFindsNamesAndAliasesIgnoringCaseAndAccents(string query, string expected)
    {
        Assert.Contains(expected, Slugs(await GetListAsync(query)));
    }

    [Fact]
    public async Task RegionAndLevelFiltersCombine()
    {
        var results = await GetListAsync("?region=neck&level=beginner");
        Assert.NotEmpty(results);
        Assert.All(results, e =>
        {
            Assert.Contains("neck", e.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal("beginner", e.GetProperty("level").GetString());
        });
    }

    [Fact]
    public async Task RepeatedValuesOfOneFilterWidenTheResult()
    {
        var prone = await GetListAsync("?position=prone");
        var supine = await GetListAsync("?position=supine");
        var both = await GetListAsync("?position=prone&position=supine");
        Assert.Equal(prone.Length + supine.Length, both.Length);
    }

    [Fact]
    public async Task EquipmentKeepsOnlyWhatCanBeDoneWithTheEquipmentAtHand()
    {
        var results = await GetListAsync("?equipment=mat");
        Assert.NotEmpty(results);
        Assert.All(results, e => Assert.All(e.GetProperty("equipment").EnumerateArray(), x => Assert.Equal("mat", x.GetString())));
        Assert.DoesNotContain("bar-hang", Slugs(results));
    }

    [Fact]
    public async Task ExcludeLeavesOutContraindicatedExercises()
    {
        var results = Slugs(await GetListAsync("?exclude=cervical-spine-lesion&exclude=glaucoma"));
        Assert.DoesNotContain("bar-hang", results);
        Assert.DoesNotContain("evminov-board", results);
        Assert.Contains("childs-pose", results);
    }

    [Fact]
    public async Task AConditionLeavesOutWhatItRulesOutAndMarksWhatNeedsCareWithReasons()
    {
        var results = await GetListAsync("?exclude=hernia");

        Assert.DoesNotContain("jefferson-curl", Slugs(results));
        Assert.All(results, e => Assert.DoesNotContain("hernia", e.GetProperty("contraindications").EnumerateArray().Select(c => c.GetString())));
        var cat = results.Single(e => e.GetProperty("slug").GetString() == "cat-cow");
        var caution = Assert.Single(cat.GetProperty("caution").EnumerateArray());
        Assert.Equal("hernia", caution.GetProperty("condition").GetString());
        Assert.StartsWith("Needs care with disc hernia", caution.GetProperty("reason").GetString());
        Assert.Contains("spinal-flexion", caution.GetProperty("because").EnumerateArray().Select(p => p.GetString()));
        Assert.All(results.Where(e => !e.GetProperty("cautions").EnumerateArray().Any(c => c.GetString() == "hernia")),
            e => Assert.Empty(e.GetProperty("caution").EnumerateArray()));
    }

    [Fact]
    public async Task OsteoporosisLeavesOutTwistsRollingAndLoadedBendsFromTheCatalog()
    {
        var results = await GetListAsync("?exclude=osteoporosis");

        Assert.NotEmpty(results);
        Assert.All(results, e => Assert.DoesNotContain(
            e.GetProperty("patterns").EnumerateArray().Select(p => p.GetString()),
            p => p is "rotation" or "spinal-rolling" or "loaded-flexion"));
        Assert.Contains(results, e => e.GetProperty("caution").GetArrayLength() > 0);
    }

    [Fact]
    public async Task WithoutHealthFiltersNothingIsMarked()
    {
        Assert.All(await GetListAsync(""), e => Assert.Empty(e.GetProperty("caution").EnumerateArray()));
    }

    [Fact]
    public async Task KindFilterReturnsOnlyThatKind()
    {
        var results = await GetListAsync("?kind=warm-up");
        Assert.NotEmpty(results);
        Assert.All(results, e => Assert.Equal("warm-up", e.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("?region=back", "region")]
    [InlineData("?position=upside-down", "position")]
    [InlineData("?kind=yoga", "kind")]
    [InlineData("?level=expert", "level")]
    [InlineData("?equipment=trampoline", "equipment")]
    [InlineData("?exclude=flu", "exclude")]
    [InlineData("?region=Lumbar", "region")]
    public async Task AnUnknownVocabularyIdIsABadRequestNamingTheParameter(string query, string parameter)
    {
        var problem = await GetProblemAsync("/api/exercises" + query, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AHugeSearchTextIsABadRequest()
    {
        var problem = await GetProblemAsync("/api/exercises?q=" + new string('a', 5000), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task AnUnknownSlugIsANotFoundProblem()
    {
        var problem = await GetProblemAsync("/api/exercises/no-such-exercise", HttpStatusCode.NotFound);
        Assert.Contains("no-such-exercise", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AHugeSlugIsANotFoundProblemNotAServerError()
    {
        await GetProblemAsync("/api/exercises/" + new string('x', 3000), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnknownApiRouteIsANotFoundProblem()
    {
        await GetProblemAsync("/api/no-such-thing", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EmptyFilterValuesAreIgnoredLikeUnselectedFormFields()
    {
        var all = await GetListAsync("");
        Assert.Equal(all.Length, (await GetListAsync("?q=&region=&level=")).Length);
    }
}
