using System.Globalization;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests.Pages;

/// <summary>One item of the timeline the page hands to the player (session.blocks[].items[]).</summary>
public sealed record PlayerItem(int Index, string Kind, string Name, double Start, double Seconds, bool Rest, string? Side, int? Reps)
{
    public double End => Start + Seconds;

    /// <summary>What .player-phase says as the item begins: exercises open with the lead, a rest is one "Rest" phase.</summary>
    public string OpeningPhase => Rest ? "Rest" : "Get ready";

    public string SideText => Side switch { "left" => "Left side", "right" => "Right side", _ => "" };

    public override string ToString() => $"#{Index} {Name}{(Side is null ? "" : $" ({Side})")} at {Start} s";
}

public sealed record PlayerTimeline(string Title, double Total, IReadOnlyList<PlayerItem> Items)
{
    public IEnumerable<PlayerItem> Exercises => Items.Where(i => !i.Rest);
}

/// <summary>
/// The tablet player at /play. Tests drive time with Playwright's fake clock, installed and paused
/// before the page loads, so nothing moves unless the test moves it.
/// </summary>
public sealed class PlayerPage(IPage page)
{
    public const string BuiltSession = "/play?minutes=45&level=beginner&equipment=mat&seed=42";

    /// <summary>The fake clock's start: a fixed morning, so runs never depend on the real date.</summary>
    public static readonly DateTimeOffset ClockOrigin = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private long _clockMs;
    private long? _startedAtMs;

    public ILocator Root => page.Locator("session-player");

    public ILocator Title => Root.Locator(".player-title");

    public ILocator Phase => Root.Locator(".player-phase");

    public ILocator Name => Root.Locator(".player-name");

    public ILocator Side => Root.Locator(".player-side");

    public ILocator Step => Root.Locator(".player-step");

    public ILocator Reps => Root.Locator(".player-reps");

    public ILocator Breath => Root.Locator(".player-breath");

    public ILocator Timer => Root.Locator("button.player-timer");

    public ILocator Progress => Root.Locator(".player-progress");

    public ILocator ProgressBlocks => Progress.Locator(".player-block");

    public ILocator TimeLeft => Root.Locator(".player-time-left");

    public ILocator Next => Root.Locator(".player-next");

    public ILocator Live => Root.Locator(".player-live");

    public ILocator Controls => Root.Locator(".player-controls");

    public ILocator PauseWhenHidden => Root.Locator("input[type=checkbox][name=pauseWhenHidden]");

    public ILocator ResumeOffer => Root.Locator(".player-resume-offer");

    public ILocator Finish => Root.Locator(".player-finish");

    public ILocator FinishDone => Finish.Locator(".finish-done");

    public ILocator FinishSkipped => Finish.Locator(".finish-skipped");

    public ILocator FinishSkippedNames => FinishSkipped.Locator("li");

    public ILocator FinishTime => Finish.Locator(".finish-time");

    public ILocator Buttons => Root.Locator("button");

    public ILocator Button(string action) => Root.Locator($"button[data-action='{action}']");

    /// <summary>
    /// Opens the player. With fakeClock the clock is installed and paused before the page loads
    /// (and survives reloads), so time only moves through <see cref="RunAsync"/> and <see cref="JumpAsync"/>.
    /// </summary>
    public static async Task<PlayerPage> OpenAsync(IPage page, string address, bool fakeClock = true)
    {
        var player = new PlayerPage(page);
        if (fakeClock)
        {
            await player.InstallPausedClockAsync();
        }
        await page.GotoAsync(address);
        await Expect(player.Root).ToHaveAttributeAsync("state", "ready");
        return player;
    }

    public async Task InstallPausedClockAsync()
    {
        await page.Clock.InstallAsync(new() { TimeDate = ClockOrigin.UtcDateTime });
        await page.Clock.PauseAtAsync(ClockOrigin.UtcDateTime.AddSeconds(1));
        _clockMs = 0;
    }

    /// <summary>The session JSON the page renders into script.player-data, flattened.</summary>
    public async Task<PlayerTimeline> TimelineAsync()
    {
        var json = await Root.Locator("script.player-data").TextContentAsync() ?? "";
        using var document = JsonDocument.Parse(json);
        var data = document.RootElement;
        var session = data.GetProperty("session");
        var items = new List<PlayerItem>();
        foreach (var block in session.GetProperty("blocks").EnumerateArray())
        {
            var kind = block.GetProperty("kind").GetString()!;
            foreach (var item in block.GetProperty("items").EnumerateArray())
            {
                items.Add(new PlayerItem(
                    items.Count,
                    kind,
                    item.GetProperty("name").GetString()!,
                    item.GetProperty("startSeconds").GetDouble(),
                    item.GetProperty("seconds").GetDouble(),
                    item.GetProperty("role").GetString() == "rest",
                    item.TryGetProperty("side", out var side) && side.ValueKind == JsonValueKind.String ? side.GetString() : null,
                    item.TryGetProperty("reps", out var reps) && reps.ValueKind == JsonValueKind.Number ? reps.GetInt32() : null));
            }
        }
        return new PlayerTimeline(data.GetProperty("title").GetString()!, session.GetProperty("totalSeconds").GetDouble(), items);
    }

    /// <summary>Presses Start (which also starts the fake clock's count of the session's position).</summary>
    public async Task StartAsync()
    {
        await Button("start").ClickAsync();
        _startedAtMs = _clockMs;
        await Expect(Root).ToHaveAttributeAsync("state", "playing");
    }

    /// <summary>
    /// Lets time run, firing every timer and animation frame on the way as a real browser would.
    /// Each frame costs a few real milliseconds, so keep it to seconds, not minutes.
    /// </summary>
    public async Task RunAsync(double seconds)
    {
        var ms = Milliseconds(seconds);
        await page.Clock.RunForAsync(ms);
        _clockMs += ms;
    }

    /// <summary>Jumps time forward; timers that fell due fire once, at the end, like after a busy main thread.</summary>
    public async Task JumpAsync(double seconds)
    {
        var ms = Milliseconds(seconds);
        await page.Clock.FastForwardAsync(ms);
        _clockMs += ms;
    }

    /// <summary>Seconds the fake clock has run since Start.</summary>
    public double SinceStart => (_clockMs - (_startedAtMs ?? throw new InvalidOperationException("Start first."))) / 1000.0;

    /// <summary>
    /// Jumps (or runs) to a session position. Valid while the session has played straight on from Start
    /// (no pause, skip or back), when the position is the time since Start.
    /// </summary>
    public Task ToPositionAsync(double position, bool runTimers = false)
    {
        var delta = position - SinceStart;
        if (delta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"the clock is already at {SinceStart} s");
        }
        return runTimers ? RunAsync(delta) : JumpAsync(delta);
    }

    /// <summary>Sets Date.now() alone forward, leaving performance.now() where it is: what a device's sleep looks like.</summary>
    public async Task MoveWallClockAsync(double seconds)
    {
        var now = await page.EvaluateAsync<double>("() => Date.now()");
        await page.Clock.SetSystemTimeAsync(DateTimeOffset.FromUnixTimeMilliseconds((long)now + Milliseconds(seconds)).UtcDateTime);
    }

    /// <summary>The progress bar's elapsed whole seconds (aria-valuenow).</summary>
    public async Task<int> ElapsedAsync() =>
        int.Parse(await Progress.GetAttributeAsync("aria-valuenow") ?? "-1", CultureInfo.InvariantCulture);

    /// <summary>Expects the stage to show an item in the given phase ("Get ready", "Rest" or "" for work).</summary>
    public async Task ExpectShowingAsync(PlayerItem item, string phase)
    {
        await Expect(Name).ToHaveTextAsync(item.Name);
        await Expect(Phase).ToHaveTextAsync(phase);
        await Expect(Side).ToHaveTextAsync(item.SideText);
    }

    /// <summary>
    /// Makes document.hidden / visibilityState controllable through <see cref="SetHiddenAsync"/>.
    /// Add before navigating.
    /// </summary>
    public static Task ControlVisibilityAsync(IPage page) => page.AddInitScriptAsync("""
        (() => {
            let hidden = false;
            Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
            Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => hidden ? "hidden" : "visible" });
            window.__setPageHidden = (value) => {
                hidden = value;
                window.dispatchEvent(new Event(value ? "test:hidden" : "test:visible"));
                document.dispatchEvent(new Event("visibilitychange"));
            };
        })();
        """);

    public Task SetHiddenAsync(bool hidden) => page.EvaluateAsync("hidden => window.__setPageHidden(hidden)", hidden);

    /// <summary>
    /// Replaces navigator.wakeLock.request with a recorder returning fake sentinels. Like a browser,
    /// it lets go of the locks by itself when the page is hidden (needs <see cref="ControlVisibilityAsync"/>).
    /// Add before navigating.
    /// </summary>
    public static Task RecordWakeLocksAsync(IPage page) => page.AddInitScriptAsync("""
        (() => {
            const log = window.__wakeLocks = { requests: [], releases: 0 };
            const held = [];
            const drop = (sentinel) => {
                sentinel.released = true;
                held.splice(held.indexOf(sentinel), 1);
                sentinel.dispatchEvent(new Event("release"));
            };
            const request = async (type) => {
                log.requests.push(type);
                const sentinel = new EventTarget();
                sentinel.type = type;
                sentinel.released = false;
                sentinel.release = async () => {
                    if (sentinel.released) return;
                    log.releases++;
                    drop(sentinel);
                };
                held.push(sentinel);
                return sentinel;
            };
            Object.defineProperty(navigator, "wakeLock", { configurable: true, value: { request } });
            window.addEventListener("test:hidden", () => [...held].forEach(drop));
        })();
        """);

    public Task<string[]> WakeLockRequestsAsync() => page.EvaluateAsync<string[]>("() => window.__wakeLocks.requests");

    /// <summary>How many times the page itself released a lock (not counting the browser dropping it when hidden).</summary>
    public Task<int> WakeLockReleasesAsync() => page.EvaluateAsync<int>("() => window.__wakeLocks.releases");

    /// <summary>m:ss as the countdown shows it (rounded up, so it reads 0:01 until the very end).</summary>
    public static string FormatClock(double seconds)
    {
        var whole = (int)Math.Ceiling(seconds - 1e-9);
        return $"{whole / 60}:{whole % 60:00}";
    }

    private static long Milliseconds(double seconds) => (long)Math.Round(seconds * 1000);
}
