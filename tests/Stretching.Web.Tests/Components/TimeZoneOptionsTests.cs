using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stretching.Web.Components.Shared;
using Stretching.Web.Planning;

namespace Stretching.Web.Tests.Components;

public sealed class TimeZoneOptionsTests
{
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(string? selected)
    {
        await using var services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TimeZoneOptions>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Selected"] = selected }))).ToHtmlString());
        return new HtmlParser().ParseDocument($"<select>{html}</select>");
    }

    [Fact]
    public async Task EveryZoneIsOfferedOnceWithItsReadableNameAndOnlyTheChosenOneIsSelected()
    {
        var document = await RenderAsync("America/New_York");

        var options = document.QuerySelectorAll("option");
        Assert.Equal(TimeZones.All, options.Select(o => o.GetAttribute("value")));
        var chosen = Assert.Single(options, o => o.HasAttribute("selected"));
        Assert.Equal(("America/New_York", "America/New York"), (chosen.GetAttribute("value"), chosen.TextContent));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Moon/Base")]
    [InlineData("Europe/Berl")]
    public async Task NothingIsSelectedWithoutAZoneOffered(string? selected)
    {
        var document = await RenderAsync(selected);

        Assert.Equal(TimeZones.All.Count, document.QuerySelectorAll("option").Length);
        Assert.Empty(document.QuerySelectorAll("option[selected]"));
    }
}
