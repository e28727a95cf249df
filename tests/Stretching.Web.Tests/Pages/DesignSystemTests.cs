using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Net;

namespace Stretching.Web.Tests.Pages;

/// <summary>The look's promises that markup and files can keep: CSP-ready pages, the font, print, contrast.</summary>
[Collection(AppCollection.Name)]
public sealed class DesignSystemTests(StretchingAppFactory app)
{
    private readonly HttpClient _client = app.CreatePlainClient();

    public static TheoryData<string> Pages =>
    [
        "/", "/exercises", "/exercises?exclude=hernia&region=nowhere", "/exercises/cat-cow", "/safety", "/safety/conditions",
        "/build", "/build?minutes=30&level=beginner&seed=3", "/build?minutes=30",
        "/build?minutes=30&level=beginner&redFlags=bowel-or-bladder", "/routines", "/routines/female-2", "/no/such/page",
        "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation", "/Account/Lockout",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PagesHaveNoInlineScriptOrStyleSoAStrictContentSecurityPolicyCanApply(string url)
    {
        var (_, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.All(page.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), $"inline script: {script.Text[..Math.Min(60, script.Text.Length)]}"));
        Assert.DoesNotContain(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPageUsesTheDesignSystemWithOneButtonHierarchy(string url)
    {
        var (_, page) = await HtmlPage.GetAsync(_client, url);
        var styles = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Contains(styles, s => s.StartsWith("css/tokens.", StringComparison.Ordinal));
        Assert.Contains(styles, s => s.StartsWith("css/site.", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][media=print][href^='css/print.']"));
        Assert.NotNull(page.QuerySelector("script[type=module][src^='js/menu.']"));
        Assert.NotNull(page.QuerySelector(".site-header .site-brand svg.site-logo"));
        var buttons = page.QuerySelectorAll(".btn").SelectMany(b => b.ClassList).Where(c => c.StartsWith("btn-", StringComparison.Ordinal)).ToHashSet();
        Assert.Subset(new HashSet<string> { "btn-primary", "btn-secondary", "btn-quiet", "btn-danger", "btn-lg", "btn-sm" }, buttons);
        Assert.Empty(page.QuerySelectorAll("[class*='text-bg-'], .alert-primary, .alert-success, .alert-secondary, .alert-light, .alert-dark"));
    }

    [Fact]
    public async Task TheTypefaceIsSelfHostedInTwoWeightsAndSwapsInWhenLoaded()
    {
        var tokens = await _client.GetStringAsync("/css/tokens.css");

        Assert.Equal(2, tokens.Split("@font-face").Length - 1);
        Assert.Equal(2, tokens.Split("font-display: swap").Length - 1);
        foreach (var weight in new[] { 400, 700 })
        {
            var font = await _client.GetAsync($"/lib/atkinson-hyperlegible/atkinson-hyperlegible-latin-{weight}-normal.woff2");
            Assert.Equal(HttpStatusCode.OK, font.StatusCode);
            Assert.Equal("font/woff2", font.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"atkinson-hyperlegible-latin-{weight}-normal.woff2", tokens);
        }

        // Preloaded at the very address the stylesheet asks for, or the browser would fetch each font twice.
        var (_, page) = await HtmlPage.GetAsync(_client, "/");
        Assert.Equal(
            new[] { 400, 700 }.Select(w => $"lib/atkinson-hyperlegible/atkinson-hyperlegible-latin-{w}-normal.woff2"),
            page.QuerySelectorAll("link[rel=preload][as=font]").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public void TheStylesheetsAndPagesAskOnlyForTheTwoLoadedWeights()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "Stretching.Web");
        var styles = Directory.GetFiles(Path.Combine(web, "wwwroot", "css"), "*.css")
            .Concat(Directory.GetFiles(Path.Combine(web, "Components"), "*.razor.css", SearchOption.AllDirectories));
        var markup = Directory.GetFiles(Path.Combine(web, "Components"), "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(web, "wwwroot", "js"), "*.js", SearchOption.AllDirectories));

        var odd = styles.SelectMany(file => Regex.Matches(File.ReadAllText(file), @"font-weight:\s*(\d+|bolder|lighter)")
                .Where(m => m.Groups[1].Value is not ("400" or "700")).Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .Concat(markup.SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\bfw-(semibold|medium|light|lighter|bolder)\b")
                .Select(m => $"{Path.GetFileName(file)}: {m.Value}")))
            .ToList();

        Assert.True(odd.Count == 0, "Atkinson Hyperlegible is loaded in 400 and 700 only:\n  " + string.Join("\n  ", odd));
    }

    [Fact]
    public async Task ThePaletteMeetsWcagAaContrastInBothThemes()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tools", "contrast", "check.mjs");
        using var node = Process.Start(new ProcessStartInfo("node", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("node could not be started");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"{await output}\n{await errors}");
        Assert.Contains("checks pass", await output);
    }
}
