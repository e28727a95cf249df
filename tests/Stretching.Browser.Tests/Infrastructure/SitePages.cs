namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>
/// Every page a person can reach, as the checks that cover all of them (accessibility, layout) visit
/// them: the address, and whether to start the player first so its running (or finish) screen is the one checked.
/// </summary>
public static class SitePages
{
    /// <summary>A page; SignedIn ones are visited as the server's test person, {saved} and {slot} standing for their saved session's and first plan slot's ids.</summary>
    public sealed record SitePage(string Name, string Address, bool StartPlayer = false, bool SignedIn = false, bool FinishPlayer = false);

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
        new("player-finished", "/play?routine=twelve-back-stretches", StartPlayer: true, FinishPlayer: true),
        new("sign-in", "/Account/Login"),
        new("register", "/Account/Register"),
        new("forgot-password", "/Account/ForgotPassword"),
        new("library", "/library", SignedIn: true),
        new("saved-session", "/library/{saved}", SignedIn: true),
        new("profile", "/profile", SignedIn: true),
        new("build-signed-in", "/build", SignedIn: true),
        new("exercise-signed-in", "/exercises/cat-cow", SignedIn: true),
        new("account", "/Account/Manage", SignedIn: true),
        new("personal-data", "/Account/Manage/PersonalData", SignedIn: true),
        new("player-saved", "/play?session={saved}", SignedIn: true),
        new("plan", "/plan", SignedIn: true),
        new("plan-slot", "/plan/slots/{slot}", SignedIn: true),
        new("plan-generate", "/plan/generate?goal=back-health&free=monday&time-monday=19:30&free=wednesday&time-wednesday=19:30&free=friday&time-friday=19:30&free=saturday&time-saturday=10:00&minutes=30&level=beginner&equipment=mat&timeZone=Europe/London", SignedIn: true),
        new("plan-print", "/plan/print", SignedIn: true),
        new("home-signed-in", "/", SignedIn: true),
        new("history", "/history", SignedIn: true),
        new("history-record", "/history/{record}", SignedIn: true),
        new("history-report", "/history/report", SignedIn: true),
    ];

    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    public static SitePage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>
    /// Opens a page, signed in as the server's test person when it is theirs; the player is started
    /// and run into its first hold so the running screen shows, or on to its end for the finish screen's questions.
    /// </summary>
    public static async Task OpenAsync(IPage page, SitePage site, StretchingServer server, BrowserFixture browser)
    {
        var address = site.Address;
        if (site.SignedIn)
        {
            var person = await server.PersonAsync(browser);
            await person.SignInAsync(page.Context);
            address = address.Replace("{saved}", person.SavedSessionId).Replace("{slot}", person.SlotId).Replace("{record}", person.RecordId);
        }
        if (site.StartPlayer)
        {
            await page.Clock.InstallAsync();
        }
        var response = await page.GotoAsync(address);
        Assert.True(response?.Status < 500, $"{site.Name}: {address} answered {response?.Status}");
        Assert.False(site.SignedIn && page.Url.Contains("Account/Login", StringComparison.Ordinal), $"{site.Name}: not signed in");
        if (site.StartPlayer)
        {
            await page.Locator("session-player button[data-action=start]").ClickAsync();
            await page.Clock.RunForAsync(7_000);
            await Assertions.Expect(page.Locator("session-player")).ToHaveAttributeAsync("phase", "hold");
        }
        if (site.FinishPlayer)
        {
            await page.Clock.FastForwardAsync(2 * 3600_000);
            await page.Clock.RunForAsync(1_000);
            await Assertions.Expect(page.Locator("session-player .finish-form")).ToBeVisibleAsync();
        }
    }
}
