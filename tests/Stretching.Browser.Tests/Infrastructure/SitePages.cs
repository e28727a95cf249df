namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>
/// Every page a person can reach, as the checks that cover all of them (accessibility, layout) visit
/// them: the address, and whether to start the player first so its running screen is the one checked.
/// </summary>
public static class SitePages
{
    public sealed record SitePage(string Name, string Address, bool StartPlayer = false);

    public static readonly IReadOnlyList<SitePage> All =
    [
        new("home", "/"),
        new("catalog", "/exercises"),
        new("catalog-hernia", "/exercises?exclude=hernia&exclude=osteoporosis"),
        new("catalog-empty", "/exercises?q=no+such+stretch"),
        new("exercise", "/exercises/cat-cow"),
        new("safety", "/safety"),
        new("conditions", "/safety/conditions"),
        new("build", "/build"),
        new("build-result", "/build?minutes=30&level=beginner&equipment=mat&conditions=hernia&seed=7#session"),
        new("build-refusal", "/build?minutes=30&level=beginner&redFlags=bowel-or-bladder"),
        new("build-invalid", "/build?minutes=500&level=beginner"),
        new("routines", "/routines"),
        new("routine", "/routines/dancer-complex"),
        new("not-found", "/no/such/page"),
        new("player", "/play?routine=twelve-back-stretches"),
        new("player-running", "/play?routine=twelve-back-stretches", StartPlayer: true),
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    public static SitePage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Opens a page; the player is started and run into its first hold so the running screen shows.</summary>
    public static async Task OpenAsync(IPage page, SitePage site)
    {
        if (site.StartPlayer)
        {
            await page.Clock.InstallAsync();
        }
        await page.GotoAsync(site.Address);
        if (site.StartPlayer)
        {
            await page.Locator("session-player button[data-action=start]").ClickAsync();
            await page.Clock.RunForAsync(7_000);
            await Assertions.Expect(page.Locator("session-player")).ToHaveAttributeAsync("phase", "hold");
        }
    }
}
