namespace Stretching.Browser.Tests.Infrastructure;

/// <summary>
/// Every page a person can reach, as the checks that cover all of them (accessibility, layout) visit
/// them: the address, and whether to start the player first so its running (or finish) screen is the one checked.
/// </summary>
public static class SitePages
{
    /// <summary>
    /// A page; SignedIn ones are visited as the server's test person, {saved}, {slot} and {record} standing for
    /// their saved session's, first plan slot's and last played session's ids. {share} is the address of a
    /// read-only link to that person's report, which is visited without signing in, as its reader would.
    /// </summary>
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
        new("register-confirmation", "/Account/RegisterConfirmation?email=someone%40example.test"),
        new("resend-confirmation", "/Account/ResendEmailConfirmation"),
        new("confirm-email-broken", "/Account/ConfirmEmail?userId=nobody&code=x"),
        new("forgot-password", "/Account/ForgotPassword"),
        new("forgot-password-confirmation", "/Account/ForgotPasswordConfirmation"),
        new("reset-password", "/Account/ResetPassword?code=c2FtcGxl"),
        new("reset-password-broken", "/Account/InvalidPasswordReset"),
        new("reset-password-confirmation", "/Account/ResetPasswordConfirmation"),
        new("lockout", "/Account/Lockout"),
        new("access-denied", "/Account/AccessDenied"),
        new("shared-report", "{share}"),
        new("library", "/library", SignedIn: true),
        new("saved-session", "/library/{saved}", SignedIn: true),
        new("profile", "/profile", SignedIn: true),
        new("build-signed-in", "/build", SignedIn: true),
        new("exercise-signed-in", "/exercises/cat-cow", SignedIn: true),
        new("account", "/Account/Manage", SignedIn: true),
        new("account-email", "/Account/Manage/Email", SignedIn: true),
        new("account-password", "/Account/Manage/ChangePassword", SignedIn: true),
        // The test person has a password, so this one shows the change-password page it redirects to.
        new("account-set-password", "/Account/Manage/SetPassword", SignedIn: true),
        new("two-step", "/Account/Manage/TwoFactorAuthentication", SignedIn: true),
        new("authenticator", "/Account/Manage/EnableAuthenticator", SignedIn: true),
        new("passkeys", "/Account/Manage/Passkeys", SignedIn: true),
        new("other-services", "/Account/Manage/ExternalLogins", SignedIn: true),
        new("personal-data", "/Account/Manage/PersonalData", SignedIn: true),
        new("delete-account", "/Account/Manage/DeletePersonalData", SignedIn: true),
        new("player-saved", "/play?session={saved}", SignedIn: true),
        new("plan", "/plan", SignedIn: true),
        new("plan-slot", "/plan/slots/{slot}", SignedIn: true),
        new("plan-generate", "/plan/generate?goal=back-health&free=monday&time-monday=19:30&free=wednesday&time-wednesday=19:30&free=friday&time-friday=19:30&free=saturday&time-saturday=10:00&minutes=30&level=beginner&equipment=mat&timeZone=Europe/London", SignedIn: true),
        new("plan-print", "/plan/print", SignedIn: true),
        new("home-signed-in", "/", SignedIn: true),
        new("history", "/history", SignedIn: true),
        new("history-record", "/history/{record}", SignedIn: true),
        new("history-sessions", "/history/sessions", SignedIn: true),
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
        if (site.SignedIn || address.Contains('{', StringComparison.Ordinal))
        {
            var person = await server.PersonAsync(browser);
            if (site.SignedIn)
            {
                await person.SignInAsync(page.Context);
            }
            address = address.Replace("{saved}", person.SavedSessionId).Replace("{slot}", person.SlotId)
                .Replace("{record}", person.RecordId).Replace("{share}", person.SharedReportAddress);
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
