using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Web.Data;

namespace Stretching.Browser.Tests;

/// <summary>An account's life in a real browser, through the pages only: the emails are read from the app's outbox.</summary>
public sealed class AccountFlowTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string NewPassword = "Mat-and-tea-2026!";

    [BrowserFact]
    public async Task RegisterConfirmStaySignedInAcrossARestartResetThePasswordAndDeleteEverything()
    {
        var email = $"flow-{Guid.NewGuid():N}@example.test";
        var storage = Path.Combine(Path.GetTempPath(), $"stretching-state-{Guid.NewGuid():N}.json");
        try
        {
            await WithPageAsync(async page =>
            {
                await page.GotoAsync("/Account/Register");
                await page.GetByLabel("Email").FillAsync(email);
                await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestPerson.Password);
                await page.GetByLabel("Password again").FillAsync(TestPerson.Password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Check your email");

                await page.GotoAsync(TestPerson.LinkIn(await TestPerson.EmailToAsync(Server, email)));
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Thank you for confirming your email");

                await SignInAsync(page, email, TestPerson.Password, rememberMe: true);
                await page.GotoAsync("/routines/twelve-back-stretches");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save to my sessions" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("stretch", RegexOptions.IgnoreCase));
                await page.Context.StorageStateAsync(new() { Path = storage });
            });

            // A browser restart keeps only persistent cookies: "remember me" must have made one.
            await WithPageAsync(async page =>
            {
                await page.GotoAsync("/library");
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My sessions");
                await Assertions.Expect(page.Locator(".saved-session")).ToHaveCountAsync(1);
            }, options => options.StorageStatePath = storage, "restart");

            await WithPageAsync(async page =>
            {
                await page.GotoAsync("/Account/ForgotPassword");
                await page.GetByLabel("Email").FillAsync(email);
                var before = Directory.GetFiles(Server.OutboxDirectory, $"*-{email}.txt").Length;
                await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
                await page.GotoAsync(TestPerson.LinkIn(await TestPerson.EmailToAsync(Server, email, after: before)));
                await page.GetByLabel("Email").FillAsync(email);
                await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
                await page.GetByLabel("New password again").FillAsync(NewPassword);
                await page.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your password has been reset");

                await SignInAsync(page, email, NewPassword, rememberMe: false);
                await page.GotoAsync("/Account/Manage/DeletePersonalData");
                await page.GetByLabel("Password").FillAsync(NewPassword);
                await page.GetByRole(AriaRole.Button, new() { Name = "Delete data and close my account" }).ClickAsync();
                await page.GotoAsync("/library");
                await Assertions.Expect(page).ToHaveURLAsync(new Regex("Account/Login"));

                await SignInAsync(page, email, NewPassword, rememberMe: false, expectSuccess: false);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("do not match an account");
            }, variant: "reset-and-delete");

            using var scope = Server.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
            Assert.Empty(await db.SavedSessions.Where(s => !db.Users.Any(u => u.Id == s.UserId)).ToListAsync());
        }
        finally
        {
            File.Delete(storage);
        }
    }

    private static async Task SignInAsync(IPage page, string email, string password, bool rememberMe, bool expectSuccess = true)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        if (rememberMe) await page.GetByLabel("Keep me signed in on this device").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (expectSuccess)
        {
            await Assertions.Expect(page.Locator(".site-header a[href='Account/Manage']")).ToBeAttachedAsync();
        }
    }
}
