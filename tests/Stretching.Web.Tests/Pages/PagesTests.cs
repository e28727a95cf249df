using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Stretching.Web.Tests.Pages;

[Collection(AppCollection.Name)]
public sealed class PagesTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises/childs-pose")]
    [InlineData("/safety")]
    [InlineData("/safety/conditions")]
    [InlineData("/build")]
    [InlineData("/routines")]
    [InlineData("/routines/female-2")]
    public async Task EveryPageRendersWithASafetyLinkInTheFooterAndNoBlazorScript(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("footer a[href='safety']"));
        Assert.NotNull(page.QuerySelector("h1"));
        Assert.DoesNotContain(page.Scripts, s => (s.Source ?? "").Contains("blazor.web.js"));
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("bootstrap"));
    }

    [Fact]
    public async Task TheHomePageLeadsToTheCatalog()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/");
        Assert.NotNull(page.QuerySelector("main a[href='exercises']"));
    }

    [Fact]
    public async Task TheCatalogShowsOneCardPerExerciseAndTheCount()
    {
        var all = await _client.GetFromJsonAsync<JsonElement[]>("/api/exercises");
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises");

        Assert.Equal(all!.Length, page.QuerySelectorAll("article.exercise-card").Length);
        Assert.StartsWith($"{all.Length} exercises", page.QuerySelector(".result-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheCatalogPageAppliesTheSameFiltersAsTheApi()
    {
        const string query = "?region=lumbar&level=beginner&exclude=hernia&equipment=mat";
        var expected = await _client.GetFromJsonAsync<JsonElement[]>("/api/exercises" + query);
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises" + query);

        var shown = page.QuerySelectorAll("article.exercise-card h2 a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Equal(expected!.Select(e => "exercises/" + e.GetProperty("slug").GetString()).ToHashSet(), shown);
        Assert.True(page.QuerySelector("#region-lumbar")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#exclude-hernia")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task TheFilterFormLandsOnTheResults()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises?region=lumbar");

        Assert.Equal("exercises#results", page.QuerySelector("form.filters")!.GetAttribute("action"));
        Assert.NotNull(page.QuerySelector("#results .result-count"));
    }

    [Fact]
    public async Task TheHealthConditionsAreGroupedUnderHeadingsWithTheirNamesAndIdsUnchanged()
    {
        var conditions = Enum.GetValues<Stretching.Core.Catalog.Condition>().Select(Stretching.Core.Catalog.Vocabulary.Id).ToList();
        foreach (var (url, name) in new[] { ("/exercises", "exclude"), ("/build", "conditions") })
        {
            var (_, page) = await HtmlPage.GetAsync(_client, url);
            var boxes = page.QuerySelectorAll($"input[type=checkbox][name={name}]");

            Assert.Equal(conditions.Order(), boxes.Select(b => b.GetAttribute("value")!).Order());
            Assert.All(boxes, b => Assert.Equal($"{name}-{b.GetAttribute("value")}", b.Id));
            var groups = page.QuerySelectorAll("fieldset.term-group").Where(g => g.QuerySelector($"input[name={name}]") is not null).ToList();
            Assert.Equal(["Back and spine", "Joints, muscles and ligaments", "Heart, blood and circulation", "Nerves, eyes and balance", "Other"],
                groups.Select(g => g.QuerySelector("legend")!.TextContent.Trim()));
            Assert.Contains(groups[0].QuerySelectorAll("input"), b => b.Id == $"{name}-hernia");
        }
    }

    [Fact]
    public async Task AnUnknownFilterValueIsLinkedToItsChecklist()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises?region=nowhere");

        var checklist = page.QuerySelector("fieldset[aria-describedby=region-error]")!;
        Assert.NotNull(checklist.QuerySelector("#region-lumbar"));
        Assert.Contains("Unknown region 'nowhere'", page.QuerySelector("#region-error")!.TextContent);
    }

    [Fact]
    public async Task TheFilterFormIsAGetFormWithLabelledFields()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises");
        var form = page.QuerySelector("form.filters")!;

        Assert.Equal("get", form.GetAttribute("method"));
        foreach (var input in form.QuerySelectorAll("input"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }
    }

    [Fact]
    public async Task NoMatchShowsAnEmptyStateThatOffersToClearTheFilters()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/exercises?q=zzzz-nothing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("article.exercise-card"));
        Assert.NotNull(page.QuerySelector(".empty-state a[href='exercises']"));
    }

    [Fact]
    public async Task AnUnknownFilterValueIsExplainedOnThePageWithABadRequestStatus()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/exercises?region=nowhere");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown region 'nowhere'", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task AHugeSearchOnThePageIsABadRequestNotAServerError()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/exercises?q=" + new string('a', 4000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task TheExercisePageShowsStepsDosageSafetyVariantsAndSources()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises/sphinx");

        Assert.Equal("Sphinx pose", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(page.QuerySelectorAll("ol.steps li").Length >= 3);
        Assert.Contains("Pregnancy (lying on the stomach)", page.QuerySelector("section.safety ul.contraindications")!.TextContent);
        Assert.Contains("Disc hernia or protrusion (bending backward)", page.QuerySelector("section.safety ul.cautions")!.TextContent);
        Assert.NotNull(page.QuerySelector("ul.variations a[href='exercises/cobra']"));
        Assert.Contains("30-40 s", page.QuerySelector("section[aria-labelledby=dosage]")!.TextContent);
        Assert.Contains("Exercises for Stretching the Back (for dancers)", page.QuerySelector("ul.sources")!.TextContent);
    }

    [Fact]
    public async Task AnOpenEndedFigureReadsAsAtLeastOnThePageAndTheCard()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises/roller-lying");
        Assert.Contains("at least 5 min", page.QuerySelector("section[aria-labelledby=dosage]")!.TextContent);

        var (_, catalog) = await HtmlPage.GetAsync(_client, "/exercises?q=roller");
        var card = catalog.QuerySelectorAll("article.exercise-card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == "exercises/roller-lying");
        Assert.StartsWith("At least 5 min", card.QuerySelector(".dosage")!.TextContent.Trim());
    }

    [Fact]
    public async Task ANamedOnlyExerciseSaysItsDescriptionIsNotFromTheArticles()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises/moon-stretch");
        Assert.Contains("only name this exercise", page.QuerySelector("[role=note]")!.TextContent);
    }

    [Theory]
    [InlineData("/exercises/no-such-exercise")]
    [InlineData("/no/such/page")]
    public async Task UnknownAddressesGetARealNotFoundPage(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheSafetyPageListsTheRedFlags()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/safety");
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Contains("two weeks", text);
        Assert.Contains("bladder", text);
        Assert.Contains("stop the exercise or make it gentler", text);
    }

    [Fact]
    public async Task TheCatalogMarksWhatNeedsCareForAConditionOnItsCards()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises?exclude=hernia");

        var cat = page.QuerySelectorAll("article.exercise-card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == "exercises/cat-cow");
        Assert.Contains("Needs care with disc hernia", cat.QuerySelector(".caution")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("article.exercise-card a"), a => a.GetAttribute("href") == "exercises/jefferson-curl");
        Assert.Contains("left out because your health conditions rule them out", page.QuerySelector(".health-left-out")!.TextContent);
    }

    [Fact]
    public async Task AConditionThatNeedsADoctorFirstSaysSoAboveTheResults()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises?exclude=osteoporosis");
        Assert.Contains("A doctor may approve", page.QuerySelector(".programme-advice")!.TextContent);
    }

    [Fact]
    public async Task AnEmptyResultCausedByHealthConditionsSaysSoInsteadOfAskingForEquipment()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/exercises?exclude=pregnancy&position=prone");

        var empty = page.QuerySelector(".empty-state")!.TextContent;
        Assert.Contains("Your health conditions rule out all", empty);
        Assert.Contains("pregnancy", empty);
        Assert.DoesNotContain("equipment", empty);
    }

    [Fact]
    public async Task TheConditionsPageExplainsEveryConditionWithItsSource()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/safety/conditions");

        var sections = page.QuerySelectorAll("section.condition");
        Assert.Equal(Enum.GetValues<Stretching.Core.Catalog.Condition>().Length, sections.Length);
        var osteoporosis = sections.Single(s => s.QuerySelector("h3")!.TextContent == "Osteoporosis").TextContent;
        Assert.Contains("twisting", osteoporosis);
        Assert.Contains("common clinical practice", osteoporosis);
        Assert.Contains("Spinal stretching: the most effective exercises", osteoporosis);
        var kidneyStones = sections.Single(s => s.QuerySelector("h3")!.TextContent == "Kidney stones");
        Assert.NotNull(kidneyStones.QuerySelector("a[href='exercises/evminov-board']"));
    }

    [Fact]
    public async Task NoPageShowsInternalArticleIdsOrRuleCodes()
    {
        var exercises = await _client.GetFromJsonAsync<JsonElement[]>("/api/exercises");
        var routines = await _client.GetFromJsonAsync<JsonElement[]>("/api/routines");
        var urls = new[] { "/", "/exercises", "/safety", "/safety/conditions", "/routines",
                "/build?minutes=30&level=beginner&conditions=hernia&conditions=cardiovascular&seed=3",
                "/build?minutes=45&level=advanced&conditions=osteoporosis&doctorApproved=true&seed=3",
                "/build?minutes=30&level=beginner&redFlags=bowel-or-bladder" }
            .Concat(exercises!.Select(e => "/exercises/" + e.GetProperty("slug").GetString()))
            .Concat(routines!.Select(r => "/routines/" + r.GetProperty("slug").GetString()));
        foreach (var url in urls)
        {
            var (_, page) = await HtmlPage.GetAsync(_client, url);
            var text = page.Body!.TextContent;
            Assert.True(Stretching.Core.Catalog.UserText.FindInternalReference(text) is null,
                $"{url} shows '{Stretching.Core.Catalog.UserText.FindInternalReference(text)}'");
        }
    }
}
