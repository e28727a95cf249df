using System.Text.RegularExpressions;
using Stretching.Browser.Tests.Infrastructure;
using Stretching.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests;

/// <summary>
/// The tablet player, driven by Playwright's fake clock: installed and paused before the page loads,
/// so time moves only when a test moves it and no test sleeps.
/// </summary>
public sealed partial class PlayerTests(StretchingServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    private const string Dancer = "/play?routine=dancer-complex";
    private const string Female2 = "/play?routine=female-2";
    private const string Twelve = "/play?routine=twelve-back-stretches";

    [BrowserFact]
    public Task AWholeBuiltSessionPlaysThroughWarmUpRestsAndBothSidesToTheFinish() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, PlayerPage.BuiltSession);
        var timeline = await player.TimelineAsync();
        var items = timeline.Items;
        Assert.Equal(45 * 60, timeline.Total);
        Assert.Equal("warm-up", items[0].Kind);
        Assert.Contains(items, i => i.Rest);
        Assert.Contains(items, i => i.Side == "left" && items[i.Index + 1] is { Side: "right" } right && right.Name == i.Name);
        await Expect(player.ProgressBlocks).ToHaveCountAsync(3);
        Assert.Equal(["warm-up", "main", "cool-down"], await player.ProgressBlocks.EvaluateAllAsync<string[]>("blocks => blocks.map(b => b.dataset.kind)"));
        await Expect(player.Next).ToBeHiddenAsync();
        await Expect(player.TimeLeft).ToBeHiddenAsync();

        await player.StartAsync();

        foreach (var item in items)
        {
            await player.ToPositionAsync(item.Start + 1);
            await player.ExpectShowingAsync(item, item.OpeningPhase);
            await Expect(player.Root).ToHaveAttributeAsync("phase", "ready");
            await Expect(player.Next).ToHaveTextAsync(item.Index + 1 < items.Count ? new Regex("^Up next: " + Regex.Escape(items[item.Index + 1].Name)) : new Regex("^Last one$"));
            await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(item.Lead - 1));
            await Expect(player.Reps).ToHaveTextAsync("");

            await player.ToPositionAsync(item.Start + item.Lead + 1);
            await player.ExpectShowingAsync(item, item.WorkLabel);
            await Expect(player.Root).ToHaveAttributeAsync("phase", item.WorkPhase);
            // The big number counts the phase the body is in: one hold, one movement, or the rest of the work.
            await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(item.FirstWorkSeconds - 1));
            await Expect(player.Reps).ToHaveTextAsync(item.Reps is { } n && item.RepSeconds is not null ? $"1 / {n}" : "");
        }

        await player.ToPositionAsync(timeline.Total);

        await Expect(player.Root).ToHaveAttributeAsync("state", "finished");
        await Expect(player.Finish).ToBeVisibleAsync();
        var exercises = timeline.Exercises.Count();
        await Expect(player.FinishDone).ToHaveTextAsync($"{exercises} of {exercises} done");
        await Expect(player.FinishSkipped).ToHaveTextAsync("Nothing skipped");
        await Expect(player.FinishTime).ToHaveTextAsync("Took 45:00");
        await Expect(player.Controls).ToBeHiddenAsync();
        await Expect(player.Next).ToBeHiddenAsync();
        await Expect(player.TimeLeft).ToBeHiddenAsync();
    });

    [BrowserFact]
    public Task EachHoldIsCountedDownOnItsOwnWithAHoldAndAReleaseCueWithinAQuarterSecond() => WithPageAsync(async page =>
    {
        await PlayerPage.RecordCuesAsync(page);
        var player = await PlayerPage.OpenAsync(page, Twelve);
        var knees = (await player.TimelineAsync()).Items[0];
        Assert.Equal(("Knees to chest", 9, 15.0, 3.0), (knees.Name, knees.Reps!.Value, knees.Hold!.Value, knees.Release!.Value));
        await player.StartAsync();

        for (var rep = 1; rep <= 9; rep++)
        {
            var hold = knees.Start + knees.Lead + (rep - 1) * knees.RepSeconds!.Value;
            var release = hold + 15;

            await player.ToPositionAsync(hold - 0.3);
            await player.ToPositionAsync(hold + 0.25, runTimers: true);
            await Expect(player.Phase).ToHaveTextAsync("Hold");
            await Expect(player.Timer).ToHaveTextAsync("0:15");
            await Expect(player.Reps).ToHaveTextAsync($"{rep} / 9");
            await player.ExpectCueAsync(rep == 9 ? "Last one. Hold" : "Hold", rep == 9 ? 1319 : 1175, hold);

            await player.ToPositionAsync(hold + 7.5);
            await Expect(player.Timer).ToHaveTextAsync("0:08");

            await player.ToPositionAsync(release - 0.3);
            await Expect(player.Timer).ToHaveTextAsync("0:01");
            await player.ToPositionAsync(release + 0.25, runTimers: true);
            await Expect(player.Phase).ToHaveTextAsync("Release");
            await Expect(player.Timer).ToHaveTextAsync("0:03");
            await player.ExpectCueAsync("Release", 988, release);
        }
        Assert.Equal(9, (await player.CuesAsync()).Count(c => c.Words is "Hold" or "Last one. Hold"));
    });

    [BrowserFact]
    public Task SwitchingSidesIsAnnouncedAheadAndCuedWithItsOwnSound() => WithPageAsync(async page =>
    {
        await PlayerPage.RecordCuesAsync(page);
        var player = await PlayerPage.OpenAsync(page, Twelve);
        var items = (await player.TimelineAsync()).Items;
        var left = items.First(i => i.Side == "left");
        var right = items[left.Index + 1];
        Assert.Equal((left.Name, "right"), (right.Name, right.Side));
        await player.StartAsync();

        await player.ToPositionAsync(left.Start + 1);
        await Expect(player.Side).ToHaveTextAsync("Left side");
        await Expect(player.Next).ToHaveTextAsync($"Up next: {right.Name}, right side");
        await player.ToPositionAsync(right.Start - 10.3);
        await player.ToPositionAsync(right.Start - 9.6, runTimers: true);

        await player.ToPositionAsync(right.Start - 0.3);
        await player.ToPositionAsync(right.Start + 0.25, runTimers: true);
        await Expect(player.Side).ToHaveTextAsync("Right side");
        await Expect(player.Phase).ToHaveTextAsync("Get into position");
        await player.ExpectCueAsync("Switch sides", 660, right.Start);
        Assert.Contains(await player.CuesAsync(), c => c.Words == "Switch sides next" && Math.Abs(c.Position - (right.Start - 10)) <= 0.6);
    });

    [BrowserFact]
    public Task EveryItemChangeLandsWithinAQuarterSecondOfItsScheduledTimeWithoutDrift() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, PlayerPage.BuiltSession);
        var timeline = await player.TimelineAsync();
        var items = timeline.Items;
        await player.StartAsync();

        foreach (var next in items.Skip(1))
        {
            var old = items[next.Index - 1];
            await player.ToPositionAsync(next.Start - 0.3);
            await player.ExpectShowingAsync(old, old.ClosingLabel);
            await Expect(player.Timer).ToHaveTextAsync("0:01");

            // Every timer and frame fires on the way here, as in a real browser.
            await player.ToPositionAsync(next.Start + 0.25, runTimers: true);
            await player.ExpectShowingAsync(next, next.OpeningPhase);
            await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(next.Lead - 0.25));
        }

        await player.ToPositionAsync(timeline.Total - 0.3);
        await Expect(player.Finish).ToBeHiddenAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await Expect(player.Name).ToHaveTextAsync(items[^1].Name);
        await Expect(player.Timer).ToHaveTextAsync("0:01");

        await player.ToPositionAsync(timeline.Total + 0.25, runTimers: true);
        await Expect(player.Finish).ToBeVisibleAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "finished");
    });

    [BrowserFact]
    public Task PausingFreezesTheCountdownWhileTheClockRunsOnAndTheTimerAndSpaceToggleIt() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        // Before the start the stage (and the timer with it) is hidden; the word is already there for when it shows.
        await Expect(player.TimerButton.Locator(".player-timer-action")).ToHaveTextAsync(" Start");
        await player.StartAsync();
        await Expect(player.TimerButton).ToHaveAccessibleNameAsync(new Regex(@"^\d+:\d\d Pause$"));
        // Mid-second: RunFor's last frame lands up to 16 ms before its end, like a real frame would.
        await player.RunAsync(2.5);
        await Expect(player.Timer).ToHaveTextAsync("0:03");

        await player.Button("pause").ClickAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "paused");
        await Expect(player.Button("pause")).ToBeHiddenAsync();
        await Expect(player.Button("resume")).ToBeVisibleAsync();
        await Expect(player.TimerButton).ToHaveAccessibleNameAsync(new Regex(@"^\d+:\d\d Resume$"));
        await player.JumpAsync(60);
        await Expect(player.Timer).ToHaveTextAsync("0:03");
        await Expect(player.Name).ToHaveTextAsync("Joint warm-up");
        Assert.Equal(2, await player.ElapsedAsync());

        await player.Button("resume").ClickAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await Expect(player.Button("resume")).ToBeHiddenAsync();
        await player.RunAsync(1);
        await Expect(player.Timer).ToHaveTextAsync("0:02");

        await player.TimerButton.ClickAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "paused");
        await Expect(player.TimerButton).ToHaveAccessibleNameAsync(new Regex(@"^\d+:\d\d Resume$"));
        await player.JumpAsync(30);
        await Expect(player.Timer).ToHaveTextAsync("0:02");
        await player.TimerButton.ClickAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await Expect(player.TimerButton).ToHaveAccessibleNameAsync(new Regex(@"^\d+:\d\d Pause$"));
        await player.RunAsync(1);
        await Expect(player.Timer).ToHaveTextAsync("0:01");

        // The timer has the focus now: Space must toggle once, not also "click" the button.
        await page.Keyboard.PressAsync("Space");
        await Expect(player.Root).ToHaveAttributeAsync("state", "paused");
        await player.JumpAsync(30);
        await Expect(player.Timer).ToHaveTextAsync("0:01");
        await page.Keyboard.PressAsync("Space");
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await player.RunAsync(1);
        await Expect(player.Phase).ToHaveTextAsync("Keep going");
        await Expect(player.Timer).ToHaveTextAsync("2:30");
        Assert.Equal(5, await player.ElapsedAsync());
    });

    [BrowserFact]
    public Task SkipBackAndRestartMoveBetweenItemsAndTheSkippedOnesAreListedAtTheFinish() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, PlayerPage.BuiltSession);
        var timeline = await player.TimelineAsync();
        var items = timeline.Items;
        await player.StartAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await player.ExpectShowingAsync(items[1], "Get into position");
        await Expect(player.Timer).ToHaveTextAsync("0:05");
        Assert.Equal(items[1].Start, await player.ElapsedAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        await player.ExpectShowingAsync(items[0], "Get into position");
        Assert.Equal(0, await player.ElapsedAsync());

        await player.Button("skip").ClickAsync();
        await player.ExpectShowingAsync(items[1], "Get into position");
        await player.RunAsync(4.5);
        await Expect(player.Timer).ToHaveTextAsync("0:01");
        await player.Button("back").ClickAsync(); // more than 3 s in: back to this item's start
        await player.ExpectShowingAsync(items[1], "Get into position");
        await Expect(player.Timer).ToHaveTextAsync("0:05");
        await player.Button("back").ClickAsync(); // at its start: back to the one before
        await player.ExpectShowingAsync(items[0], "Get into position");

        await page.Keyboard.PressAsync("ArrowRight");
        await player.Button("skip").ClickAsync();
        await player.ExpectShowingAsync(items[2], "Get into position");
        await player.RunAsync(7);
        await Expect(player.Phase).ToHaveTextAsync(items[2].LabelAt(items[2].Start + 7));
        await player.Button("restart").ClickAsync();
        await player.ExpectShowingAsync(items[2], "Get into position");
        await Expect(player.Timer).ToHaveTextAsync("0:05");
        await player.RunAsync(7);
        await page.Keyboard.PressAsync("r");
        await Expect(player.Timer).ToHaveTextAsync("0:05");
        Assert.Equal(items[2].Start, await player.ElapsedAsync());

        await player.JumpAsync(timeline.Total - items[2].Start + 0.25);

        await Expect(player.Finish).ToBeVisibleAsync();
        var exercises = timeline.Exercises.Count();
        await Expect(player.FinishDone).ToHaveTextAsync($"{exercises - 2} of {exercises} done");
        await Expect(player.FinishSkippedNames).ToHaveTextAsync([items[0].Name, items[1].Name]);
    });

    [BrowserFact]
    public Task EndingEarlyAsksToConfirmAndListsTheItemsNotReachedAsSkipped() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Female2);
        var items = (await player.TimelineAsync()).Items;
        var confirm = player.Root.Locator(".player-confirm");
        await player.StartAsync();
        await player.JumpAsync(items[1].Start + 1);

        await page.Keyboard.PressAsync("Escape");
        await Expect(confirm).ToBeVisibleAsync();
        await Expect(player.Button("confirm-end")).ToBeFocusedAsync();
        await player.Button("cancel-end").ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");

        await player.Button("end").ClickAsync();
        await Expect(confirm).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(player.Root).ToHaveAttributeAsync("state", "finished");
        await Expect(player.FinishDone).ToHaveTextAsync($"1 of {items.Count} done");
        await Expect(player.FinishSkippedNames).ToHaveTextAsync(items.Skip(1).Select(i => i.Name).ToArray());
        await Expect(player.FinishTime).ToHaveTextAsync(PlayerPage.FormatClock(items[1].Start + 1).Insert(0, "Took "));
        await Expect(player.Button("again")).ToBeVisibleAsync();
    });

    [BrowserFact]
    public Task AfterAReloadThePlayerOffersToResumeWhereItWas() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, PlayerPage.BuiltSession);
        var items = (await player.TimelineAsync()).Items;
        await player.StartAsync();
        await player.JumpAsync(200.4);
        await Expect(player.Name).ToHaveTextAsync(items[1].Name);

        await page.ReloadAsync();

        await Expect(player.ResumeOffer).ToBeVisibleAsync();
        await Expect(player.ResumeOffer).ToContainTextAsync("Resume at 3:20");
        await Expect(player.Button("start")).ToBeHiddenAsync();
        await player.Button("resume-saved").ClickAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await player.ExpectShowingAsync(items[1], items[1].LabelAt(200.4));
        Assert.Equal(200, await player.ElapsedAsync());
        await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(items[1].End - 200.4));
        await player.RunAsync(1);
        await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(items[1].End - 201.4));
    });

    [BrowserFact]
    public Task AfterAReloadStartOverPlaysFromTheBeginning() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, PlayerPage.BuiltSession);
        var items = (await player.TimelineAsync()).Items;
        await player.StartAsync();
        await player.JumpAsync(200.4);

        await page.ReloadAsync();
        await Expect(player.ResumeOffer).ToContainTextAsync("Resume at 3:20");
        await player.Button("start-over").ClickAsync();

        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await Expect(player.ResumeOffer).ToBeHiddenAsync();
        await player.ExpectShowingAsync(items[0], "Get into position");
        await Expect(player.Timer).ToHaveTextAsync("0:05");
        await Expect(player.Progress).ToHaveAttributeAsync("aria-valuenow", "0");
        await Expect(player.Progress).ToHaveAttributeAsync("aria-valuetext", new Regex("^0:00 "));
        await Expect(player.TimeLeft).ToHaveTextAsync("45:00 left");
    });

    [BrowserFact]
    public Task TheScreenIsKeptAwakeWhilePlayingAndTheLockIsTakenAgainWhenThePageReturns() => WithPageAsync(async page =>
    {
        await PlayerPage.ControlVisibilityAsync(page);
        await PlayerPage.RecordWakeLocksAsync(page);
        var player = await PlayerPage.OpenAsync(page, Dancer);
        Assert.Empty(await player.WakeLockRequestsAsync());

        await player.StartAsync();
        Assert.Equal(["screen"], await player.WakeLockRequestsAsync());

        await player.Button("pause").ClickAsync();
        Assert.Equal(1, await player.WakeLockReleasesAsync());
        await player.Button("resume").ClickAsync();
        Assert.Equal(["screen", "screen"], await player.WakeLockRequestsAsync());

        await player.SetHiddenAsync(true);
        await player.RunAsync(1);
        await player.SetHiddenAsync(false);
        Assert.Equal(["screen", "screen", "screen"], await player.WakeLockRequestsAsync());

        await player.Button("end").ClickAsync();
        await player.Button("confirm-end").ClickAsync();
        await Expect(player.Root).ToHaveAttributeAsync("state", "finished");
        Assert.Equal(2, await player.WakeLockReleasesAsync());
    });

    [BrowserFact]
    public Task WithPauseWhenHiddenTickedHidingThePagePausesTheSession() => WithPageAsync(async page =>
    {
        await PlayerPage.ControlVisibilityAsync(page);
        var player = await PlayerPage.OpenAsync(page, Dancer);
        await player.PauseWhenHidden.CheckAsync();
        await player.StartAsync();
        await player.RunAsync(2);

        await player.SetHiddenAsync(true);
        await Expect(player.Root).ToHaveAttributeAsync("state", "paused");
        await player.JumpAsync(120);
        await player.SetHiddenAsync(false);

        await Expect(player.Root).ToHaveAttributeAsync("state", "paused");
        await Expect(player.Name).ToHaveTextAsync("Joint warm-up");
        await Expect(player.Timer).ToHaveTextAsync("0:03");
        Assert.Equal(2, await player.ElapsedAsync());

        await page.ReloadAsync();
        await Expect(player.PauseWhenHidden).ToBeCheckedAsync();
    });

    [BrowserFact]
    public Task WithPauseWhenHiddenUntickedTimeRunsOnWhileHiddenAndTheRightItemShowsOnReturn() => WithPageAsync(async page =>
    {
        await PlayerPage.ControlVisibilityAsync(page);
        var player = await PlayerPage.OpenAsync(page, Dancer);
        var items = (await player.TimelineAsync()).Items;
        await Expect(player.PauseWhenHidden).Not.ToBeCheckedAsync();
        await player.StartAsync();

        await player.SetHiddenAsync(true);
        await Expect(player.Root).ToHaveAttributeAsync("state", "playing");
        await player.ToPositionAsync(items[1].Start - 0.3);
        await Expect(player.Name).ToHaveTextAsync(items[0].Name);
        // No animation frames while hidden: the timer armed for the next whole second makes the change.
        await player.ToPositionAsync(items[1].Start + 0.25, runTimers: true);
        await Expect(player.Name).ToHaveTextAsync(items[1].Name);
        await player.ToPositionAsync(200);
        await player.SetHiddenAsync(false);

        await player.ExpectShowingAsync(items[1], items[1].LabelAt(200));
        await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(items[1].End - 200));
        Assert.Equal(200, await player.ElapsedAsync());
    });

    [BrowserFact]
    public Task AfterTheDeviceSleptThePlayerCatchesUpWithTheWallClock() => WithPageAsync(async page =>
    {
        await PlayerPage.ControlVisibilityAsync(page);
        var player = await PlayerPage.OpenAsync(page, Dancer);
        var items = (await player.TimelineAsync()).Items;
        await player.StartAsync();
        await player.RunAsync(1);

        // Asleep: performance.now() stands still while Date.now() moves 200 s on.
        await player.SetHiddenAsync(true);
        await player.MoveWallClockAsync(200);
        await player.SetHiddenAsync(false);

        await player.ExpectShowingAsync(items[1], items[1].LabelAt(201));
        Assert.Equal(201, await player.ElapsedAsync());
        await Expect(player.Timer).ToHaveTextAsync(PlayerPage.FormatClock(items[1].End - 201));
    });

    [BrowserFact]
    public Task TheLiveRegionAnnouncesEachNewItem() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, PlayerPage.BuiltSession);
        var items = (await player.TimelineAsync()).Items;
        await Expect(player.Live).ToHaveAttributeAsync("aria-live", "polite");

        await player.StartAsync();
        await Expect(player.Live).ToHaveTextAsync($"Now: {items[0].Name}");

        await player.ToPositionAsync(items[1].Start - 0.3);
        await player.ToPositionAsync(items[1].Start + 0.25, runTimers: true);
        await Expect(player.Live).ToHaveTextAsync($"Now: {items[1].Name}");

        var left = items.First(i => i.Side == "left");
        await player.ToPositionAsync(left.Start + 0.25);
        await Expect(player.Live).ToHaveTextAsync($"Now: {left.Name}, left side");
        await player.ToPositionAsync(left.End + 0.25);
        await Expect(player.Live).ToHaveTextAsync($"Now: {left.Name}, right side");

        var rest = items.First(i => i.Rest);
        await player.ToPositionAsync(rest.Start + 0.25);
        await Expect(player.Live).ToHaveTextAsync(new Regex("^Now: " + Regex.Escape(rest.Name) + "\\b"));

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(player.Live).ToHaveTextAsync($"Now: {items[rest.Index + 1].Name}" + (items[rest.Index + 1].Side is { } side ? $", {side} side" : ""));
    });

    [BrowserFact]
    public Task EveryButtonHasAnAccessibleNameInEveryState() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        var named = new HashSet<string>();

        await ExpectVisibleButtonsNamedAsync(player, named);
        await player.StartAsync();
        await player.RunAsync(2);
        await ExpectVisibleButtonsNamedAsync(player, named);
        await player.Button("pause").ClickAsync();
        await ExpectVisibleButtonsNamedAsync(player, named);
        await player.Button("end").ClickAsync();
        await ExpectVisibleButtonsNamedAsync(player, named);

        await page.ReloadAsync();
        await Expect(player.ResumeOffer).ToBeVisibleAsync();
        await ExpectVisibleButtonsNamedAsync(player, named);
        await player.Button("resume-saved").ClickAsync();
        await player.Button("end").ClickAsync();
        await player.Button("confirm-end").ClickAsync();
        await Expect(player.Finish).ToBeVisibleAsync();
        await ExpectVisibleButtonsNamedAsync(player, named);

        string[] contract = ["start", "pause", "resume", "back", "restart", "skip", "end", "confirm-end", "cancel-end", "mute", "voice", "resume-saved", "start-over", "again", "timer"];
        Assert.Empty(contract.Except(named));
    });

    [BrowserFact]
    public Task TheMuteAndVoiceSettingsAreRememberedAcrossVisits() => WithPageAsync(async page =>
    {
        var player = await PlayerPage.OpenAsync(page, Dancer);
        await Expect(player.Button("mute")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(player.Button("voice")).ToHaveAttributeAsync("aria-pressed", "true");

        await player.Button("mute").ClickAsync();
        await player.Button("voice").ClickAsync();
        await Expect(player.Button("mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(player.Button("voice")).ToHaveAttributeAsync("aria-pressed", "false");

        await page.ReloadAsync();
        await Expect(player.Button("mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(player.Button("voice")).ToHaveAttributeAsync("aria-pressed", "false");
    });

    private static async Task ExpectVisibleButtonsNamedAsync(PlayerPage player, HashSet<string> named)
    {
        foreach (var button in await player.Buttons.AllAsync())
        {
            if (!await button.IsVisibleAsync())
            {
                continue;
            }
            await Expect(button).ToHaveAccessibleNameAsync(NonBlank());
            named.Add(await button.GetAttributeAsync("data-action") ?? (await button.GetAttributeAsync("class"))!.Replace("player-", "", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"\w")]
    private static partial Regex NonBlank();
}
