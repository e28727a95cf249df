using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Catalog;
using Stretching.Web.Figures;

namespace Stretching.Web.Tests.Figures;

[Collection(AppCollection.Name)]
public sealed class FigureEndpointTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    private string Version => app.Services.GetRequiredService<CatalogStore>().Current.Version;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task TheFirstKeyPoseIsAnSvgImageTitledWithTheExerciseAndThePose()
    {
        var response = await _client.GetAsync("/figures/cat-cow.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 200, 3 * 1024);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("Cat-cow: All fours", svg.Element(Svg + "title")?.Value);
        Assert.Equal(FigureImages.LightColour, svg.Attribute("color")?.Value);
        Assert.Equal(await _client.GetStringAsync("/figures/cat-cow/0.svg"), System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task EveryKeyPoseHasItsOwnAddressAndADarkThemeDrawing()
    {
        var cow = XDocument.Parse(await _client.GetStringAsync("/figures/cat-cow/2.svg")).Root!;
        var dark = XDocument.Parse(await _client.GetStringAsync("/figures/cat-cow/2.svg?theme=dark")).Root!;

        Assert.Equal("Cat-cow: Cow", cow.Element(Svg + "title")?.Value);
        Assert.Equal(FigureImages.DarkColour, dark.Attribute("color")?.Value);
        Assert.Equal(cow.Attribute("viewBox")?.Value, dark.Attribute("viewBox")?.Value);
    }

    [Fact]
    public async Task AnAddressVersionedWithTheCurrentCatalogIsCachedForAYearAnyOtherIsRevalidated()
    {
        var versioned = await _client.GetAsync($"/figures/cobra/1.svg?v={Version}");
        var plain = await _client.GetAsync("/figures/cobra/1.svg");
        var stale = await _client.GetAsync("/figures/cobra/1.svg?v=000000000000");

        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.True(plain.Headers.CacheControl?.NoCache);
        Assert.True(stale.Headers.CacheControl?.NoCache);
        Assert.NotNull(versioned.Headers.ETag);
        Assert.Equal(versioned.Headers.ETag, plain.Headers.ETag);
    }

    [Fact]
    public async Task AnUnchangedFigureIsA304WhenItsEntityTagIsSent()
    {
        var first = await _client.GetAsync("/figures/childs-pose.svg");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/figures/childs-pose.svg");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/figures/childs-pose/1.svg");
        other.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(other)).StatusCode);
    }

    [Theory]
    [InlineData("/figures/no-such-stretch.svg", "No exercise has the slug 'no-such-stretch'.")]
    [InlineData("/figures/no-such-stretch/1.svg", "No exercise has the slug 'no-such-stretch'.")]
    [InlineData("/figures/cobra/2.svg", "'cobra' has no key pose 2.")]
    [InlineData("/figures/cobra/-1.svg", "'cobra' has no key pose -1.")]
    public async Task AnUnknownExerciseOrPoseIsA404Problem(string url, string detail)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownThemeIsA400Problem()
    {
        var response = await _client.GetAsync("/figures/cobra.svg?theme=blue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FiguresAreSentCompressedAndUnderTheStrictContentSecurityPolicy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/figures/plow/1.svg");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await _client.SendAsync(request);

        Assert.Contains("br", response.Content.Headers.ContentEncoding);
        Assert.Contains("style-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task EveryPoseOfEveryExerciseIsServed()
    {
        var catalog = app.Services.GetRequiredService<CatalogStore>().Current;
        foreach (var exercise in catalog.Exercises)
        {
            var figure = catalog.Figure(exercise.Slug);
            Assert.NotNull(figure);
            for (var pose = 0; pose < figure.Poses.Count; pose++)
            {
                var response = await _client.GetAsync($"/figures/{exercise.Slug}/{pose}.svg");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var title = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Svg + "title")?.Value;
                Assert.Equal($"{exercise.Name}: {figure.Poses[pose].Label}", title);
            }
        }
    }
}
