using System.Globalization;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Stretching.Browser.Tests.Pages;

/// <summary>One item of the timeline the page hands to the player (session.blocks[].items[]), with its timing figures.</summary>
public sealed record PlayerItem(
    int Index, string Kind, string Name, double Start, double Seconds, bool Rest, string? Side, int? Reps,
    double Lead, double? Hold, double? RepSeconds, double? Release)
{
    public double End => Start + Seconds;

    /// <summary>What .player-phase says as the item begins: every item opens with getting into position.</summary>
    public string OpeningPhase => "Get into position";

    /// <summary>The phase (the root's phase attribute) once the lead is over.</summary>
    public string WorkPhase => Rest ? "rest" : Reps is not null && RepSeconds is not null ? (Release is null ? "move" : "hold") : Hold is not null ? "hold" : "work";

    /// <summary>What .player-phase says in <see cref="WorkPhase"/>.</summary>
    public string WorkLabel => WorkPhase switch { "rest" => "Rest", "hold" => "Hold", "move" => "Move", _ => "Keep going" };

    /// <summary>What .player-phase says as the item ends: the release of the last hold, or the work phase.</summary>
    public string ClosingLabel => WorkPhase == "hold" && Release is not null ? "Release" : WorkLabel;

    /// <summary>What .player-phase says at a session position inside this item (the last repetition's rounding aside).</summary>
    public string LabelAt(double position)
    {
        var offset = position - Start;
        if (offset < Lead) return OpeningPhase;
        if (WorkPhase != "hold" || Release is not { } release || RepSeconds is not { } rep) return WorkLabel;
        return (offset - Lead) % rep < rep - release ? "Hold" : "Release";
    }

    /// <summary>The length of the first phase after the lead: one hold, one movement, or all the work.</summary>
    public double FirstWorkSeconds => RepSeconds is { } rep ? rep - (Release ?? 0) : Seconds - Lead;

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

    /// <summary>The countdown itself, the visible text of the timer button.</summary>
    public ILocator Timer => TimerButton.Locator(".player-time");

    /// <summary>The countdown as a button: tapping it starts, pauses or resumes, as its accessible name says.</summary>
    public ILocator TimerButton => Root.Locator("button.player-timer");

    public ILocator Progress => Root.Locator(".player-progress");

    public ILocator ProgressBlocks => Progress.Locator(".player-block");

    public ILocator TimeLeft => Root.Locator(".player-time-left");

    public ILocator Next => Root.Locator(".player-next");

    public ILocator Live => Root.Locator(".player-live");

    public ILocator Controls => Root.Locator(".player-controls");

    /// <summary>The exercise's figure on the stage, and its drawing (an svg whose fourth path is the trunk).</summary>
    public ILocator Figure => Root.Locator(".player-figure");

    public ILocator FigureDrawing => Figure.Locator("svg");

    public ILocator NextFigure => Root.Locator(".player-next-figure svg");

    /// <summary>The path data of the figure's trunk as drawn now: it changes whenever the body moves.</summary>
    public Task<string?> FigureTrunkAsync() => FigureDrawing.Locator("path").Nth(3).GetAttributeAsync("d");

    /// <summary>The trunk of a key pose as the server sent it in the exercise's frames.</summary>
    public async Task<string> KeyPoseTrunkAsync(string slug, int pose)
    {
        var json = await Root.Locator("script.player-data").TextContentAsync() ?? "";
        using var document = JsonDocument.Parse(json);
        var figure = document.RootElement.GetProperty("exercises").GetProperty(slug).GetProperty("figure");
        var frame = figure.GetProperty("keys")[pose].GetInt32();
        return figure.GetProperty("frames")[frame].GetString()!.Split('|')[2];
    }

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

    /// <summary>
    /// Waits until the service worker keeps the page and everything it loaded. Call it before installing
    /// a fake clock: the fake clock's performance object hides the resource list the page hands over.
    /// </summary>
    public Task WaitUntilKeptOfflineAsync() => page.WaitForFunctionAsync("""
        async () => {
            const urls = [location.href, ...performance.getEntriesByType("resource").map(e => e.name)]
                .filter(url => new URL(url).origin === location.origin);
            for (const url of urls) if (!(await caches.match(url))) return false;
            return true;
        }
        """, null, new() { PollingInterval = 100, Timeout = 10_000 });

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
                    Number(item, "reps") is { } reps ? (int)reps : null,
                    item.GetProperty("leadSeconds").GetDouble(),
                    Number(item, "holdSeconds"),
                    Number(item, "repSeconds"),
                    Number(item, "releaseSeconds")));
            }
        }
        return new PlayerTimeline(data.GetProperty("title").GetString()!, session.GetProperty("totalSeconds").GetDouble(), items);
    }

    private static double? Number(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

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

    /// <summary>Expects the stage to show an item in the given phase label ("Get into position", "Hold", "Release", "Rest"...).</summary>
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

    /// <summary>
    /// Records every cue the player gives: each tone started (its frequency) and each sentence spoken,
    /// with the fake clock's time, by standing in for Web Audio and speech synthesis. Add before navigating.
    /// </summary>
    public static Task RecordCuesAsync(IPage page) => page.AddInitScriptAsync("""
        (() => {
            const log = window.__cues = [];
            class FakeParam { setValueAtTime() {} exponentialRampToValueAtTime() {} }
            class FakeNode { connect(next) { return next; } }
            class FakeOscillator extends FakeNode {
                constructor() { super(); this.frequency = { value: 0 }; }
                start() { log.push({ tone: this.frequency.value, at: Date.now() }); }
                stop() {}
            }
            class FakeAudioContext {
                constructor() { this.state = "running"; this.destination = new FakeNode(); }
                get currentTime() { return 0; }
                createOscillator() { return new FakeOscillator(); }
                createGain() { const gain = new FakeNode(); gain.gain = new FakeParam(); return gain; }
                resume() { return Promise.resolve(); }
                close() { this.state = "closed"; return Promise.resolve(); }
            }
            window.AudioContext = FakeAudioContext;
            window.webkitAudioContext = FakeAudioContext;
            Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
                speak: (utterance) => { if (utterance.text.trim()) log.push({ words: utterance.text, at: Date.now() }); },
                cancel: () => {},
            } });
            window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
        })();
        """);

    /// <summary>The cues recorded so far, each at its session position (needs <see cref="RecordCuesAsync"/> and an uninterrupted run from Start).</summary>
    public async Task<IReadOnlyList<PlayerCue>> CuesAsync()
    {
        var startMs = new DateTimeOffset(ClockOrigin.UtcDateTime).ToUnixTimeMilliseconds() + 1000 + (_startedAtMs ?? throw new InvalidOperationException("Start first."));
        var entries = await page.EvaluateAsync<JsonElement>("() => window.__cues");
        return entries.EnumerateArray().Select(e => new PlayerCue(
            e.TryGetProperty("words", out var words) ? words.GetString() : null,
            e.TryGetProperty("tone", out var tone) ? tone.GetDouble() : null,
            (e.GetProperty("at").GetDouble() - startMs) / 1000)).ToList();
    }

    /// <summary>Expects the words spoken and the tone that opens the cue, both within a quarter second of a position.</summary>
    public async Task ExpectCueAsync(string words, double tone, double position)
    {
        var cues = await CuesAsync();
        Assert.Contains(cues, c => c.Words == words && Math.Abs(c.Position - position) <= 0.25);
        Assert.Contains(cues, c => c.Tone == tone && Math.Abs(c.Position - position) <= 0.25);
    }

    /// <summary>m:ss as the countdown shows it (rounded up, so it reads 0:01 until the very end).</summary>
    public static string FormatClock(double seconds)
    {
        var whole = (int)Math.Ceiling(seconds - 1e-9);
        return $"{whole / 60}:{whole % 60:00}";
    }

    private static long Milliseconds(double seconds) => (long)Math.Round(seconds * 1000);
}

/// <summary>One cue the player gave: words spoken or a tone started, at a session position in seconds.</summary>
public sealed record PlayerCue(string? Words, double? Tone, double Position);
