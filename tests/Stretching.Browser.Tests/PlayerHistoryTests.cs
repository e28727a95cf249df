using System.Text.Json;
using System.Text.RegularExpressions;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;

namespace Stretching.Browser.Tests;

/// <summary>
/// The player keeps a record of every session played to the end: written in the browser first, sent
/// when there is a connection, never lost and never doubled. Each test plays a short built session on a
/// fake clock set to an hour ago, so the record lands in this week's history.
/// </summary>
public sealed class PlayerHistoryTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string ShortSession = "/play?minutes=10&level=beginner&equipment=mat&seed=7";

    [BrowserFact]
    public Task ASessionFinishedOfflineSurvivesAReloadAndReachesTheHistoryOnceWhenTheNetworkReturns() => WithPageAsync(async page =>
    {
        await RegisterAsync(page.Context);
        var player = await PlayAsync(page, painBefore: 4, keptOffline: true);
        await player.Button("pause").ClickAsync();
        await page.Clock.FastForwardAsync(45_000);
        await player.Button("resume").ClickAsync();
        await FinishAsync(page, player);

        await page.Context.SetOfflineAsync(true);
        await AnswerAsync(page, painAfter: 2, ease: 3);
        await Save(page).ClickAsync();
        await Assertions.Expect(Status(page)).ToContainTextAsync("as soon as you are back online");
        var id = await player.Root.GetAttributeAsync("data-record-id");
        Assert.NotNull(id);
        Assert.Empty(await RecordsAsync(page));

        // Still offline, the page is reloaded (the service worker serves the player): the record stays in the browser.
        await page.ReloadAsync();
        await Assertions.Expect(player.Root).ToHaveAttributeAsync("state", "ready");
        Assert.Equal([id], await OutboxAsync(page));

        await page.Context.SetOfflineAsync(false);
        var record = await WaitForRecordAsync(page, id);
        Assert.Equal(4, record.GetProperty("painBefore").GetInt32());
        Assert.Equal(2, record.GetProperty("painAfter").GetInt32());
        Assert.Equal(3, record.GetProperty("ease").GetInt32());
        Assert.Equal(1, record.GetProperty("pauses").GetInt32());
        Assert.InRange(record.GetProperty("pausedSeconds").GetInt32(), 45, 46);
        var flag = Assert.Single(record.GetProperty("flags").EnumerateArray());
        Assert.Equal("hurt", flag.GetProperty("felt").GetString());
        Assert.Contains(record.GetProperty("items").EnumerateArray(), i => i.GetProperty("status").GetString() == "done");
        Assert.Empty(await OutboxAsync(page));

        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator($"a[href='history/{id}']").First).ToBeVisibleAsync();
    });

    [BrowserFact]
    public Task AReloadWhileTheRecordIsOnItsWayNeitherLosesNorDoublesIt() => WithPageAsync(async page =>
    {
        await RegisterAsync(page.Context);
        var player = await PlayAsync(page);
        await FinishAsync(page, player);
        await AnswerAsync(page, painAfter: 1, ease: 2);

        // The server keeps the first send, but the page is reloaded before the answer reaches it.
        var stored = new TaskCompletionSource();
        await page.RouteAsync("**/api/me/history", async route =>
        {
            await route.FetchAsync();
            stored.TrySetResult();
            await Task.Delay(Timeout.Infinite, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token).ContinueWith(_ => { });
        });
        await Save(page).ClickAsync();
        await stored.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var id = await player.Root.GetAttributeAsync("data-record-id");
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await page.GotoAsync("/");

        await EventuallyAsync(async () => (await OutboxAsync(page)).Count == 0, "the outbox to empty");
        var records = await RecordsAsync(page);
        Assert.Equal(id, Assert.Single(records).GetProperty("id").GetString());
    });

    [BrowserFact]
    public Task WithoutAnAccountTheSessionStaysOnTheDeviceAndSigningInOffersToAddIt() => WithPageAsync(async page =>
    {
        var player = await PlayAsync(page);
        await FinishAsync(page, player);
        await Assertions.Expect(page.Locator("session-player .finish-device")).ToContainTextAsync("stays on this device only");
        await AnswerAsync(page, painAfter: 3, ease: 2);
        await Save(page).ClickAsync();
        await Assertions.Expect(Status(page)).ToContainTextAsync("Saved on this device only");
        var id = await player.Root.GetAttributeAsync("data-record-id");

        await RegisterAsync(page.Context);
        await page.GotoAsync("/history");
        var offer = page.Locator(".local-history-offer");
        await Assertions.Expect(offer).ToContainTextAsync("played on this device without signing in");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Add it to my history" }).ClickAsync();
        await Assertions.Expect(page.Locator(".local-history-done")).ToContainTextAsync("Added 1 session");

        var record = await WaitForRecordAsync(page, id!);
        Assert.Equal(3, record.GetProperty("painAfter").GetInt32());
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"a[href='history/{id}']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".local-history-offer")).ToHaveCountAsync(0);
    });

    [BrowserFact]
    public Task ASessionPlayedByOnePersonIsNeverSentWhileAnotherIsSignedIn() => WithPageAsync(async page =>
    {
        await RegisterAsync(page.Context);
        var player = await PlayAsync(page);
        await FinishAsync(page, player);
        await page.Context.SetOfflineAsync(true);
        await Save(page).ClickAsync();
        await Assertions.Expect(Status(page)).ToContainTextAsync("as soon as you are back online");

        // A second person signs in on the same tablet (in another tab) before the network returns: the
        // player's page still sends for the first, and the server refuses to file it under the second.
        await page.Context.ClearCookiesAsync();
        await RegisterAsync(page.Context);
        var refused = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/me/history") && r.Request.Method == "POST");
        await page.Context.SetOfflineAsync(false);
        Assert.Equal(403, (await refused).Status);
        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await RecordsAsync(page));
        Assert.Single(await OutboxAsync(page));
        await Assertions.Expect(page.Locator(".local-history-offer")).ToHaveCountAsync(0);
    });

    private async Task RegisterAsync(IBrowserContext context)
    {
        var person = new TestPerson { Email = $"played-{Guid.NewGuid():N}@example.test" };
        var registered = await context.APIRequest.PostAsync("/api/account/register", new() { DataObject = new { email = person.Email, password = TestPerson.Password } });
        Assert.True(registered.Ok, $"register answered {registered.Status}");
        await context.APIRequest.GetAsync(TestPerson.LinkIn(await TestPerson.EmailToAsync(Server, person.Email)));
        await person.SignInAsync(context);
    }

    /// <summary>
    /// Opens the short session on a paused fake clock set to an hour ago, answers the pain question and
    /// presses Start. With keptOffline the page is first opened on the real clock until the service worker
    /// keeps everything it loaded (the fake clock's performance object hides that list), as a tablet
    /// would have it before the network goes.
    /// </summary>
    private static async Task<PlayerPage> PlayAsync(IPage page, int? painBefore = null, bool keptOffline = false)
    {
        if (keptOffline)
        {
            await page.GotoAsync(ShortSession);
            await new PlayerPage(page).WaitUntilKeptOfflineAsync();
        }
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).UtcDateTime;
        await page.Clock.InstallAsync(new() { TimeDate = hourAgo });
        await page.Clock.PauseAtAsync(hourAgo.AddSeconds(1));
        await page.GotoAsync(ShortSession);
        var player = new PlayerPage(page);
        await Assertions.Expect(player.Root).ToHaveAttributeAsync("state", "ready");
        if (painBefore is { } pain)
        {
            await player.Root.Locator($".player-pain-before label:has(input[value='{pain}'])").ClickAsync();
        }
        await player.Button("start").ClickAsync();
        await Assertions.Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        return player;
    }

    private static async Task FinishAsync(IPage page, PlayerPage player)
    {
        var total = (await player.TimelineAsync()).Total;
        await page.Clock.FastForwardAsync((long)(total * 1000) + 2000);
        await page.Clock.RunForAsync(1000);
        await Assertions.Expect(player.Root).ToHaveAttributeAsync("state", "finished");
        await Assertions.Expect(page.Locator("session-player .finish-form")).ToBeVisibleAsync();
    }

    private static async Task AnswerAsync(IPage page, int painAfter, int ease)
    {
        var form = page.Locator("session-player .finish-form");
        await form.Locator($"label:has(input[name=painAfter][value='{painAfter}'])").ClickAsync();
        await form.Locator($"label:has(input[name=ease][value='{ease}'])").ClickAsync();
        await form.Locator(".flag-choice").First.GetByRole(AriaRole.Button, new() { Name = "Hurt" }).ClickAsync();
    }

    private static ILocator Save(IPage page) => page.Locator("session-player .finish-form button.player-save");

    private static ILocator Status(IPage page) => page.Locator("session-player .finish-saved");

    private static async Task<List<JsonElement>> RecordsAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/me/history");
        Assert.True(response.Ok, $"/api/me/history answered {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static async Task<JsonElement> WaitForRecordAsync(IPage page, string id)
    {
        await EventuallyAsync(async () => (await page.Context.APIRequest.GetAsync($"/api/me/history/{id}")).Ok, $"record {id} in the history");
        var records = await RecordsAsync(page);
        Assert.Single(records, r => r.GetProperty("id").GetString() == id);
        var response = await page.Context.APIRequest.GetAsync($"/api/me/history/{id}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 15 s for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The ids waiting in this browser's outbox (IndexedDB).</summary>
    private static async Task<List<string>> OutboxAsync(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("""
            () => new Promise((resolve, reject) => {
              const open = indexedDB.open("stretching-history", 1);
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const all = open.result.transaction("outbox").objectStore("outbox").getAllKeys();
                all.onsuccess = () => { resolve(all.result.map(String)); open.result.close(); };
                all.onerror = () => reject(all.error);
              };
            })
            """)];
}
