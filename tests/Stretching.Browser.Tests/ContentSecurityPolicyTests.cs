using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>
/// The strict Content-Security-Policy (no inline script or style) and the Permissions-Policy break nothing:
/// every page, the running player, the account pages signed out and signed in, and their forms, visited in
/// Chromium with every violation the browser reports collected: securitypolicyviolation events and the
/// console errors about either policy.
/// </summary>
public sealed class ContentSecurityPolicyTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string Password = "Stretch-2026!";

    public static TheoryData<string> SitePageNames => SitePages.Names;

    [BrowserTheory]
    [MemberData(nameof(SitePageNames))]
    public Task EveryPageRunsUnderThePolicies(string name) => WithPageAsync(async page =>
    {
        var violations = await PolicyViolations.WatchAsync(page);

        await SitePages.OpenAsync(page, SitePages.Named(name), Server, Browser);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await violations.AssertNoneAsync(page, name);
    }, variant: name);

    [BrowserTheory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendEmailConfirmation")]
    [InlineData("/Account/Lockout")]
    public Task TheAccountPagesRunUnderThePolicies(string address) => WithPageAsync(async page =>
    {
        var violations = await PolicyViolations.WatchAsync(page);

        await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        await violations.AssertNoneAsync(page, address);
    }, variant: address.Replace('/', '-'));

    [BrowserFact]
    public Task SigningInManagingTheAccountAndSigningOutRunUnderThePolicies() => WithPageAsync(async page =>
    {
        var violations = await PolicyViolations.WatchAsync(page);
        var email = await CreateConfirmedPersonAsync();

        await page.GotoAsync("/Account/Login", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("/");
        await violations.AssertNoneAsync(page, "signing in");

        foreach (var address in new[]
                 {
                     "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/Passkeys",
                     "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator",
                     "/Account/Manage/PersonalData", "/Account/Manage/DeletePersonalData", "/build?minutes=20&level=beginner&seed=3",
                 })
        {
            await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await Expect(page.Locator("main h1, main h2, main h3").First).ToBeVisibleAsync();
            await violations.AssertNoneAsync(page, address);
        }

        await page.GotoAsync("/Account/Manage", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeAttachedAsync();
        await violations.AssertNoneAsync(page, "signing out");
    });

    private async Task<string> CreateConfirmedPersonAsync()
    {
        _ = Server.BaseAddress;
        using var scope = Server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"csp-{Guid.NewGuid():N}@example.test";
        var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>What the browser reports against either policy, in every document the page opens.</summary>
    private sealed class PolicyViolations
    {
        private static readonly string[] PolicyWords = ["Content Security Policy", "Content-Security-Policy", "Permissions-Policy", "Permissions Policy"];

        private readonly ConcurrentQueue<string> _console = new();

        public static async Task<PolicyViolations> WatchAsync(IPage page)
        {
            var watcher = new PolicyViolations();
            await page.AddInitScriptAsync("""
                window.__policyViolations = [];
                document.addEventListener("securitypolicyviolation", (e) => window.__policyViolations.push(
                    `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || location.href}:${e.lineNumber} ${e.sample || ""}`));
                """);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning" && PolicyWords.Any(word => message.Text.Contains(word, StringComparison.OrdinalIgnoreCase)))
                {
                    watcher._console.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
                }
            };
            return watcher;
        }

        public async Task AssertNoneAsync(IPage page, string where)
        {
            var events = await page.EvaluateAsync<string[]>("() => window.__policyViolations ?? []");
            var all = events.Concat(_console).ToList();
            Assert.True(all.Count == 0, $"{where}: {all.Count} policy violation(s)\n  " + string.Join("\n  ", all));
        }
    }
}
