using System.Net;
using System.Text.RegularExpressions;

namespace Stretching.Web.Tests.Pages;

[Collection(AppCollection.Name)]
public sealed class SessionPagesTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    private const string Built = "/build?minutes=45&level=beginner&focus=lumbar&equipment=mat&seed=42";

    [Fact]
    public async Task TheBuildFormIsAGetFormWithEveryQuestionLabelled()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/build");
        var form = page.QuerySelector("form.build-form")!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("get", form.GetAttribute("method"));
        foreach (var name in new[] { "minutes", "level", "focus", "equipment", "conditions", "redFlags", "doctorApproved" })
        {
            Assert.NotNull(form.QuerySelector($"input[name={name}]"));
        }
        Assert.All(form.QuerySelectorAll("input:not([type=hidden])"), input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.Empty(page.QuerySelectorAll(".session-timeline"));
    }

    [Fact]
    public async Task AFreshFormSuggestsBeginnerButASubmittedOneShowsTheLevelExactlyAsSent()
    {
        var (_, fresh) = await HtmlPage.GetAsync(_client, "/build");
        Assert.Equal(["level-beginner"], fresh.QuerySelectorAll("input[name=level][checked]").Select(r => r.Id));

        var (_, advanced) = await HtmlPage.GetAsync(_client, "/build?minutes=30&level=advanced&seed=1");
        Assert.Equal(["level-advanced"], advanced.QuerySelectorAll("input[name=level][checked]").Select(r => r.Id));

        var (response, noLevel) = await HtmlPage.GetAsync(_client, "/build?minutes=30");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a level", noLevel.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(noLevel.QuerySelectorAll("input[name=level][checked]"));
    }

    [Fact]
    public async Task AFieldsErrorIsShownBesideItAndLinkedToIt()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/build?minutes=abc&level=guru");

        var minutes = page.QuerySelector("input#minutes")!;
        Assert.Equal("true", minutes.GetAttribute("aria-invalid"));
        Assert.Contains("minutes-error", minutes.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Contains("whole minutes", page.QuerySelector("#minutes-error")!.TextContent);
        Assert.Equal("abc", minutes.GetAttribute("value"));

        var level = page.QuerySelector("fieldset#level")!;
        Assert.Equal("level-error", level.GetAttribute("aria-describedby"));
        Assert.Contains("Unknown level", page.QuerySelector("#level-error")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("input[name=level][checked]"));

        var summaryLinks = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("build?minutes=abc&level=guru#minutes", summaryLinks);
        Assert.Contains("build?minutes=abc&level=guru#level", summaryLinks);
    }

    [Fact]
    public async Task AnUnknownConditionIsLinkedToTheConditionsChecklist()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/build?minutes=30&level=beginner&conditions=gout");

        var checklist = page.QuerySelector("fieldset[aria-describedby=conditions-error]")!;
        Assert.NotNull(checklist.QuerySelector("input[name=conditions]"));
        Assert.Contains("Unknown conditions 'gout'", page.QuerySelector("#conditions-error")!.TextContent);
        Assert.True(checklist.Closest("details")!.HasAttribute("open"));
    }

    [Fact]
    public async Task TheBuildFormLandsOnTheSession()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, Built);

        Assert.Equal("build#session", page.QuerySelector("form.build-form")!.GetAttribute("action"));
        Assert.NotNull(page.QuerySelector("#session .session-total"));
    }

    [Fact]
    public async Task TheTimelineReadsAsPlainTextWithEveryWordApart()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/routines/twelve-back-stretches");
        string Text(AngleSharp.Dom.IElement e) => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim();

        var items = page.QuerySelectorAll(".timeline-item").Select(Text).ToList();
        Assert.Equal("Starts at 0:00 Knees to chest: 9 × 15 s hold. Part of 12 back stretches.", items[0]);
        Assert.Contains(items, i => i.StartsWith("Starts at 3:22 Lying twist: left side, 9 × 15 s hold.", StringComparison.Ordinal));
        Assert.Contains(items, i => i.StartsWith("Starts at 2:47 Rest Child's pose: hold 30 s.", StringComparison.Ordinal));
        Assert.Equal("Main set, 29 min 55 s", Text(page.QuerySelector(".timeline-block h2")!));
    }

    [Fact]
    public async Task TheLeaveOutLinkNamesItsExerciseApartFromTheWords()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, Built);
        var link = page.QuerySelectorAll(".timeline-item a").First(a => a.TextContent.StartsWith("Leave out"));
        Assert.Matches(@"^Leave out \S", link.TextContent);
    }

    [Fact]
    public async Task ABuiltSessionShowsTheTimelineWithBlocksRestsAndLinks()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, Built);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Warm-up", "Main set", "Cool-down"], page.QuerySelectorAll(".timeline-block h2").Select(h => h.FirstChild!.TextContent.Trim()));
        Assert.NotEmpty(page.QuerySelectorAll(".timeline-item.is-rest"));
        Assert.Equal("0:00", page.QuerySelector(".timeline-time")!.TextContent);
        Assert.NotNull(page.QuerySelector(".timeline-item a[href='exercises/joint-warm-up']"));
        Assert.True(page.QuerySelector("input#focus-lumbar")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task ShuffleChangesTheSeedAndStartKeepsItForThePlayer()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, Built);

        var shuffle = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Shuffle")).GetAttribute("href")!;
        var start = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Start")).GetAttribute("href")!;
        Assert.StartsWith("build?", shuffle);
        // Another seed: a random number, which may well begin with 42.
        var shuffled = Regex.Match(shuffle, "[?&]seed=([0-9]+)");
        Assert.True(shuffled.Success, shuffle);
        Assert.NotEqual("42", shuffled.Groups[1].Value);
        Assert.StartsWith("play?", start);
        Assert.Contains("seed=42", start);
        Assert.Contains("focus=lumbar", start);
    }

    [Fact]
    public async Task LeaveOutRebuildsWithoutThatExercise()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, Built);
        var link = page.QuerySelectorAll(".timeline-item a").First(a => a.TextContent.StartsWith("Leave out")).GetAttribute("href")!;
        var slug = link.Split("exclude=")[1].Split('#', '&')[0];

        var (_, rebuilt) = await HtmlPage.GetAsync(_client, "/" + link);

        Assert.DoesNotContain(rebuilt.QuerySelectorAll(".timeline-item a"), a => a.GetAttribute("href") == $"exercises/{slug}");
        Assert.Contains(slug, rebuilt.QuerySelector(".session-excluded")!.InnerHtml);
    }

    [Fact]
    public async Task WarningsAndExclusionsAreVisible()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/build?minutes=20&level=beginner&equipment=mat&conditions=hernia&seed=1");

        var warnings = page.QuerySelector(".session-warnings")!.TextContent;
        Assert.Contains("30-50 minutes", warnings);
        Assert.Contains("disc hernia", warnings);
        Assert.NotNull(page.QuerySelector(".session-excluded"));
    }

    [Fact]
    public async Task WhenNothingIsSafeToPlayThePageSaysSoAndOffersNoStart()
    {
        // Without a mat, scoliosis and dizziness leave nothing with nothing to take care over.
        var (response, page) = await HtmlPage.GetAsync(_client, "/build?minutes=30&level=beginner&conditions=scoliosis&conditions=dizziness&seed=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing here is safe for you to play", page.QuerySelector(".session-empty")!.TextContent);
        Assert.Contains("scoliosis", page.QuerySelector(".session-warnings")!.TextContent);
        Assert.Null(page.QuerySelector("a[href^='play']"));
        Assert.Null(page.QuerySelector("form.save-session"));
        Assert.Null(page.QuerySelector(".timeline-item"));
        var (played, _) = await HtmlPage.GetAsync(_client, "/play?minutes=30&level=beginner&conditions=scoliosis&conditions=dizziness&seed=1");
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
    }

    [Fact]
    public async Task ARefusalIsExplainedWithTheAdviceToSeeADoctor()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/build?minutes=30&level=beginner&redFlags=pain-over-two-weeks");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refusal = page.QuerySelector(".refusal")!.TextContent;
        Assert.Contains("two weeks", refusal);
        Assert.Contains("See a doctor first", refusal);
        Assert.Empty(page.QuerySelectorAll(".session-timeline"));
    }

    [Theory]
    [InlineData("/build?minutes=abc&level=beginner", "whole minutes")]
    [InlineData("/build?minutes=200&level=beginner", "10 to 90")]
    [InlineData("/build?minutes=30&level=guru", "Unknown level")]
    [InlineData("/build?minutes=30&level=beginner&focus=toes", "Unknown focus")]
    [InlineData("/build?minutes=30&level=beginner&seed=1.5", "whole number")]
    [InlineData("/build?minutes=30&level=beginner&exclude=nothing-here", "No exercise has the slug")]
    public async Task BadFormInputIsAFormMessageNotAnError(string url, string message)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task TheRoutinesPageListsEveryRoutine()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/routines");
        var links = page.QuerySelectorAll(".routine-card h2 a").Select(a => a.GetAttribute("href")).ToList();

        Assert.True(links.Count >= 10);
        Assert.Contains("routines/twelve-back-stretches", links);
    }

    [Fact]
    public async Task ARoutinePageShowsItsTimelineAndStartsInThePlayer()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/routines/twelve-back-stretches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("9 × 15 s hold", page.QuerySelector(".session-timeline")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='play?routine=twelve-back-stretches']"));
    }

    [Theory]
    [InlineData("/routines/no-such-routine")]
    [InlineData("/play?routine=no-such-routine")]
    public async Task UnknownRoutinesAreNotFound(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/play?routine=dancer-complex", "Dancer's back complex")]
    [InlineData("/play?minutes=20&level=beginner&equipment=mat&seed=3", "Your session")]
    public async Task ThePlayPageShowsThePrintableTimeline(string url, string title)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".timeline-item"));
    }

    [Fact]
    public async Task ThePlayPageRefusesAnUnsafeSessionToo()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/play?minutes=20&level=beginner&conditions=thrombosis");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("doctor", page.QuerySelector("[role=alert]")!.TextContent);
    }
}
