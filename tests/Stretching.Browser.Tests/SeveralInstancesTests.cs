using System.Text.RegularExpressions;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Testing;

namespace Stretching.Browser.Tests;

/// <summary>
/// Two app instances on one PostgreSQL database behind nginx, round-robin, as a scaled-out deployment
/// runs: a person registers, signs in, saves a session, plans a week and finishes a session while their
/// requests land on both instances, and then finds every one of those things on pages from each instance.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeveralInstancesTests(BrowserFixture browser)
{
    private const string SessionName = "Evening stretch behind the proxy";

    [ProxyFact]
    public async Task APersonsAccountSessionPlanAndHistoryAreThereWhicheverInstanceAnswers()
    {
        var database = PostgresServer.CreateDatabase();
        try
        {
            await using var first = new AppInstance("first", database);
            await using var second = new AppInstance("second", database);
            // Started together on the empty database: one migrates, both seed, neither fails.
            var addresses = await Task.WhenAll(Task.Run(() => first.BaseAddress), Task.Run(() => second.BaseAddress));
            using var proxy = await Nginx.StartAsync(addresses);

            await using var context = await browser.NewContextAsync(proxy.BaseAddress);
            var page = await context.NewPageAsync();
            var answeredBy = new HashSet<string>();
            page.Response += (_, response) =>
            {
                if (response.Headers.TryGetValue(AppInstance.InstanceHeader.ToLowerInvariant(), out var name)) lock (answeredBy) answeredBy.Add(name);
            };
            try
            {
                await WalkThroughAsync(page, first, second);
                Assert.Equal(["first", "second"], answeredBy.Order());
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "several-instances.png"), FullPage = true });
                throw;
            }
        }
        finally
        {
            PostgresServer.DropDatabase(database);
        }
    }

    private static async Task WalkThroughAsync(IPage page, AppInstance first, AppInstance second)
    {
        var email = $"proxy-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestPerson.Password);
        await page.GetByLabel("Password again").FillAsync(TestPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Check your email");
        await page.GotoAsync(TestPerson.LinkIn(await EmailToAsync(email, first, second)));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Thank you for confirming your email");

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".site-header a[href='Account/Manage']")).ToBeAttachedAsync();

        await page.GotoAsync("/routines/twelve-back-stretches");
        await page.GetByLabel("Save as").FillAsync(SessionName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to my sessions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SessionName);

        await page.GotoAsync("/plan");
        await page.Locator("#add-slot-day").SelectOptionAsync("wednesday");
        await page.Locator("#add-slot-time").FillAsync("18:45");
        await page.Locator("#add-slot-kind-session").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add it to the week" }).ClickAsync();
        await Assertions.Expect(page.Locator(".plan-day").Nth(2)).ToContainTextAsync("18:45");

        // The player posts a finished session from the page, as this does.
        var recordId = Guid.NewGuid().ToString();
        var status = await page.EvaluateAsync<int>("""
            async id => {
                const routine = await (await fetch('api/routines/twelve-back-stretches')).json();
                const items = routine.blocks.flatMap(b => b.items).map(i => ({ slug: i.slug, side: i.side, status: 'done', seconds: 30 }));
                const started = new Date(Date.now() - 45 * 60 * 1000);
                const finished = new Date(started.getTime() + 31 * 60 * 1000);
                const response = await fetch('api/me/history', {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({
                        id, startedAt: started.toISOString(), finishedAt: finished.toISOString(), timeZone: 'Europe/London',
                        source: { routine: 'twelve-back-stretches' }, items, painBefore: 6, painAfter: 3, ease: 2,
                    }),
                });
                return response.status;
            }
            """, recordId);
        Assert.Equal(201, status);

        await SeenOnBothAsync(page, "/library", page => Assertions.Expect(page.Locator(".saved-session")).ToContainTextAsync(SessionName));
        await SeenOnBothAsync(page, "/plan", page => Assertions.Expect(page.Locator(".plan-day").Nth(2)).ToContainTextAsync("18:45"));
        await SeenOnBothAsync(page, "/history", page => Assertions.Expect(page.Locator(".history-sessions")).ToContainTextAsync("6 → 3"));
        await SeenOnBothAsync(page, $"/history/{recordId}", page => Assertions.Expect(page.Locator(".page-intro .lead")).ToContainTextAsync("pain 6 before, 3 after"));
    }

    /// <summary>
    /// Loads a page until each instance has served it once, checking it every time. nginx alternates
    /// strictly, and how many requests a page load makes varies (its scripts and figures may come from the
    /// browser's cache, its history script may send what it holds), so a page could keep landing on one
    /// instance. When it does, requests to /health steer the turn: once one of them is answered by the
    /// instance the page came from, the next request goes to the other.
    /// </summary>
    private static async Task SeenOnBothAsync(IPage page, string path, Func<IPage, Task> check)
    {
        var header = AppInstance.InstanceHeader.ToLowerInvariant();
        var servedBy = new HashSet<string>();
        for (var attempt = 0; attempt < 8 && servedBy.Count < 2; attempt++)
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Equal(200, response?.Status);
            Assert.DoesNotMatch(new Regex("Account/Login"), page.Url);
            await check(page);
            var instance = response!.Headers[header];
            if (servedBy.Add(instance)) continue;
            for (var steer = 0; steer < 4; steer++)
            {
                var health = await page.APIRequest.GetAsync("/health");
                if (health.Headers.GetValueOrDefault(header) == instance) break;
            }
        }
        Assert.True(servedBy.Count == 2, $"{path} was only ever served by {string.Join(", ", servedBy)}.");
    }

    /// <summary>The confirmation email, written to the outbox of whichever instance handled the registration.</summary>
    private static async Task<string> EmailToAsync(string email, params AppInstance[] instances)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var instance in instances)
            {
                if (Directory.Exists(instance.OutboxDirectory) && Directory.GetFiles(instance.OutboxDirectory, $"*-{email}.txt") is [var file, ..])
                {
                    return await File.ReadAllTextAsync(file);
                }
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"No email to {email} in any instance's outbox.");
    }
}
