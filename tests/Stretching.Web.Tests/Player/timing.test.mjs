import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  SessionClock, backTarget, blockBoundaries, buildTimeline, formatTime, itemIndexAt, phaseAt,
  restartTarget, skipTarget, summarize,
} from "../../../src/Stretching.Web/wwwroot/js/player/timing.js";

const item = (slug, startSeconds, seconds, extra = {}) => ({
  slug, name: slug, role: "exercise", startSeconds, seconds, reps: null, holdSeconds: null, side: null, cue: null, reason: "", ...extra,
});

// 0-60 warm-up; 60-91 reps with hold (5 + 2 x (10 + 3)); 91-126 rest; 126-146 left; 146-166 right; 166-191 reps (5 + 5 x 4).
const data = {
  title: "Test session",
  session: {
    minutes: 3,
    totalSeconds: 191,
    seed: null,
    blocks: [
      { kind: "warmup", items: [item("march", 0, 60, { cue: "Breathe freely." })] },
      {
        kind: "main",
        items: [
          item("bridge", 60, 31, { reps: 2, holdSeconds: 10 }),
          item("childs-pose", 91, 35, { role: "rest", holdSeconds: 30, cue: "Breathe slowly." }),
          item("twist", 126, 20, { holdSeconds: 15, side: "left" }),
          item("twist", 146, 20, { holdSeconds: 15, side: "right" }),
        ],
      },
      { kind: "cooldown", items: [item("rolls", 166, 25, { reps: 5 })] },
    ],
    excluded: [],
    warnings: [],
  },
  exercises: {
    march: { position: "Standing", steps: ["One", "Two", "Three", "Four"] },
    bridge: { position: "Lying on the back", steps: ["Lie down", "Lift"] },
    twist: { position: "All fours", steps: ["Kneel", "Turn"] },
  },
};

const timeline = buildTimeline(data);

/** A fake pair of clocks: the monotonic one can stand still while the wall one moves, as in device sleep. */
function fakeClocks() {
  const clocks = { mono: 1000, wall: 1_700_000_000_000 };
  clocks.now = () => clocks.mono;
  clocks.wallNow = () => clocks.wall;
  clocks.advance = (ms) => {
    clocks.mono += ms;
    clocks.wall += ms;
  };
  clocks.sleep = (ms) => {
    clocks.wall += ms;
  };
  return clocks;
}

const newClock = (clocks) => new SessionClock({ now: clocks.now, wall: clocks.wallNow, total: timeline.total });

describe("buildTimeline", () => {
  test("flattens the blocks into items with absolute start and end and their block kind", () => {
    assert.equal(timeline.items.length, 6);
    assert.deepEqual(timeline.items.map((i) => [i.start, i.end, i.kind]), [
      [0, 60, "warmup"], [60, 91, "main"], [91, 126, "main"], [126, 146, "main"], [146, 166, "main"], [166, 191, "cooldown"],
    ]);
    assert.equal(timeline.total, 191);
    assert.equal(timeline.title, "Test session");
    assert.deepEqual(timeline.items.map((i) => i.index), [0, 1, 2, 3, 4, 5]);
  });

  test("joins the exercise's position and steps and marks rests", () => {
    assert.equal(timeline.items[1].position, "Lying on the back");
    assert.deepEqual(timeline.items[0].steps, ["One", "Two", "Three", "Four"]);
    assert.equal(timeline.items[2].rest, true);
    assert.deepEqual(timeline.items[2].steps, []);
    assert.equal(timeline.items[3].side, "left");
  });

  test("gives block boundaries for the progress bar", () => {
    const blocks = blockBoundaries(timeline);
    assert.deepEqual(blocks.map((b) => [b.kind, b.start, b.end]), [["warmup", 0, 60], ["main", 60, 166], ["cooldown", 166, 191]]);
    assert.equal(blocks[0].from, 0);
    assert.ok(Math.abs(blocks.reduce((sum, b) => sum + b.width, 0) - 1) < 1e-9);
  });

  test("skips empty blocks and survives an empty session", () => {
    const empty = buildTimeline({ title: "", session: { totalSeconds: 0, blocks: [{ kind: "main", items: [] }] }, exercises: {} });
    assert.equal(empty.items.length, 0);
    assert.equal(empty.blocks.length, 0);
    assert.equal(itemIndexAt(empty, 0), 0);
  });
});

describe("itemIndexAt", () => {
  test("puts an exact boundary in the item that starts there", () => {
    assert.equal(itemIndexAt(timeline, 0), 0);
    assert.equal(itemIndexAt(timeline, 59.999), 0);
    assert.equal(itemIndexAt(timeline, 60), 1);
    assert.equal(itemIndexAt(timeline, 91), 2);
    assert.equal(itemIndexAt(timeline, 165.9), 4);
    assert.equal(itemIndexAt(timeline, 166), 5);
  });

  test("clamps before the start and reports the end as items.length", () => {
    assert.equal(itemIndexAt(timeline, -3), 0);
    assert.equal(itemIndexAt(timeline, 190.999), 5);
    assert.equal(itemIndexAt(timeline, 191), 6);
    assert.equal(itemIndexAt(timeline, 500), 6);
  });
});

describe("phaseAt", () => {
  const [march, bridge, rest, twist, , rolls] = timeline.items;

  test("starts every exercise with a 5 s lead showing the first step", () => {
    const p = phaseAt(bridge, 60);
    assert.equal(p.phase, "ready");
    assert.equal(p.phaseRemaining, 5);
    assert.equal(p.itemRemaining, 31);
    assert.equal(p.rep, 0);
    assert.equal(p.breath, null);
    assert.equal(p.step, 0);
    assert.equal(phaseAt(bridge, 64.99).phase, "ready");
  });

  test("switches to work exactly at the end of the lead", () => {
    const p = phaseAt(bridge, 65);
    assert.equal(p.phase, "work");
    assert.equal(p.phaseRemaining, 26);
    assert.equal(p.phaseLength, 26);
  });

  test("counts reps of hold plus 3 s movement, clamped to the reps", () => {
    assert.equal(phaseAt(bridge, 65).rep, 1);
    assert.equal(phaseAt(bridge, 65 + 12.9).rep, 1);
    assert.equal(phaseAt(bridge, 65 + 13).rep, 2);
    assert.equal(phaseAt(bridge, 90.99).rep, 2);
    assert.equal(phaseAt(bridge, 91).rep, 2);
  });

  test("counts reps without a hold at 4 s each", () => {
    assert.equal(phaseAt(rolls, 171).rep, 1);
    assert.equal(phaseAt(rolls, 175).rep, 2);
    assert.equal(phaseAt(rolls, 186.99).rep, 4);
    assert.equal(phaseAt(rolls, 187).rep, 5);
    assert.equal(phaseAt(rolls, 191).rep, 5);
    assert.equal(phaseAt(march, 30).rep, null);
  });

  test("paces the breath in a 6 s cycle from the start of the work, only where there is a cue", () => {
    assert.equal(phaseAt(march, 2).breath, null);
    assert.equal(phaseAt(march, 5).breath, "in");
    assert.equal(phaseAt(march, 7.9).breath, "in");
    assert.equal(phaseAt(march, 8).breath, "out");
    assert.equal(phaseAt(march, 11).breath, "in");
    assert.equal(phaseAt(march, 6.5).breathFraction, 0.5);
    assert.equal(phaseAt(twist, 140).breath, null);
  });

  test("spreads the steps evenly over the work", () => {
    // 55 s of work, 4 steps: 13.75 s each.
    assert.equal(phaseAt(march, 5).step, 0);
    assert.equal(phaseAt(march, 5 + 13.74).step, 0);
    assert.equal(phaseAt(march, 5 + 13.75).step, 1);
    assert.equal(phaseAt(march, 5 + 27.5).step, 2);
    assert.equal(phaseAt(march, 59.99).step, 3);
    assert.equal(phaseAt(march, 60).step, 3);
    assert.equal(phaseAt(rest, 100).step, -1);
  });

  test("shows a rest as one rest phase from its start to its end", () => {
    assert.equal(phaseAt(rest, 91).phase, "rest");
    assert.equal(phaseAt(rest, 91).phaseRemaining, 35);
    assert.equal(phaseAt(rest, 125).phaseRemaining, 1);
    assert.equal(phaseAt(rest, 91).breath, "in");
  });
});

describe("navigation", () => {
  test("skip goes to the next item's start, and past the last one to the end", () => {
    assert.equal(skipTarget(timeline, 0), 60);
    assert.equal(skipTarget(timeline, 59.9), 60);
    assert.equal(skipTarget(timeline, 60), 91);
    assert.equal(skipTarget(timeline, 170), 191);
  });

  test("back restarts the item after more than 3 s, otherwise goes to the previous item", () => {
    assert.equal(backTarget(timeline, 70), 60);
    assert.equal(backTarget(timeline, 63.01), 60);
    assert.equal(backTarget(timeline, 63), 0);
    assert.equal(backTarget(timeline, 60), 0);
    assert.equal(backTarget(timeline, 1), 0);
    assert.equal(backTarget(timeline, 191), 166);
  });

  test("restart goes to the current item's start", () => {
    assert.equal(restartTarget(timeline, 0), 0);
    assert.equal(restartTarget(timeline, 100), 91);
    assert.equal(restartTarget(timeline, 165.99), 146);
  });
});

describe("summarize", () => {
  test("counts exercises done and lists skipped ones, leaving rests out", () => {
    const summary = summarize(timeline, [1, 2], 191);
    assert.equal(summary.total, 5);
    assert.equal(summary.done, 4);
    assert.deepEqual(summary.skipped.map((i) => i.slug), ["bridge"]);
  });

  test("lists what was not reached when the session ended early", () => {
    const summary = summarize(timeline, new Set([3]), 150);
    assert.equal(summary.done, 2);
    assert.deepEqual(summary.skipped.map((i) => [i.slug, i.side]), [["twist", "left"], ["twist", "right"], ["rolls", null]]);
  });

  test("has nothing skipped after a full run", () => {
    assert.deepEqual(summarize(timeline, [], 191).skipped, []);
  });
});

describe("formatTime", () => {
  test("writes m:ss rounding a countdown up", () => {
    assert.equal(formatTime(0), "0:00");
    assert.equal(formatTime(0.2), "0:01");
    assert.equal(formatTime(5), "0:05");
    assert.equal(formatTime(59.5), "1:00");
    assert.equal(formatTime(1140), "19:00");
    assert.equal(formatTime(754.9, Math.floor), "12:34");
    assert.equal(formatTime(-4), "0:00");
  });
});

describe("SessionClock", () => {
  test("stands at zero and paused before it starts", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clocks.advance(5000);
    assert.equal(clock.position, 0);
    assert.equal(clock.paused, true);
    assert.equal(clock.started, false);
  });

  test("does not drift over thousands of uneven frames", () => {
    const clocks = fakeClocks();
    const clock = new SessionClock({ now: clocks.now, wall: clocks.wallNow });
    clock.start();
    let elapsed = 0;
    for (let frame = 0; frame < 10_000; frame++) {
      const ms = 16 + (frame % 7) * 0.37 + (frame % 13 === 0 ? 45 : 0);
      clocks.advance(ms);
      elapsed += ms;
      void clock.position;
      if (frame % 500 === 0) clock.catchUp();
    }
    assert.ok(Math.abs(clock.position - elapsed / 1000) < 1e-6, `${clock.position} vs ${elapsed / 1000}`);
  });

  test("keeps its position across pause and resume", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start();
    clocks.advance(12_500);
    clock.pause();
    assert.equal(clock.paused, true);
    clocks.advance(60_000);
    assert.equal(clock.position, 12.5);
    clock.resume();
    clocks.advance(500);
    assert.equal(clock.position, 13);
    clock.resume();
    assert.equal(clock.position, 13);
  });

  test("seeks while playing and while paused", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start(10);
    clocks.advance(1000);
    clock.seek(91);
    assert.equal(clock.position, 91);
    clocks.advance(2000);
    assert.equal(clock.position, 93);
    clock.pause();
    clock.seek(126);
    clocks.advance(2000);
    assert.equal(clock.position, 126);
    assert.equal(clock.paused, true);
  });

  test("never runs past the end or before the start", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start(180);
    clocks.advance(60_000);
    assert.equal(clock.position, 191);
    clock.seek(-5);
    assert.equal(clock.position, 0);
  });

  test("saves to JSON and restores paused at the same position", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start();
    const startedAt = clocks.wall;
    clocks.advance(42_250);
    const saved = JSON.parse(JSON.stringify(clock));
    assert.equal(saved.position, 42.25);
    assert.equal(saved.paused, false);
    assert.equal(saved.startedAt, startedAt);

    const later = fakeClocks();
    later.mono = 5;
    const restored = newClock(later).restore(saved);
    assert.equal(restored.position, 42.25);
    assert.equal(restored.paused, true);
    assert.equal(restored.startedAt, startedAt);
    restored.resume();
    later.advance(1000);
    assert.equal(restored.position, 43.25);
  });

  test("restores an empty or broken save at zero", () => {
    const clock = newClock(fakeClocks()).restore({ position: "oops" });
    assert.equal(clock.position, 0);
    assert.equal(newClock(fakeClocks()).restore(null).position, 0);
  });

  test("catches up after a sleep in which the monotonic clock stood still", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start();
    clocks.advance(10_000);
    clocks.sleep(30_000);
    assert.equal(clock.position, 10);
    const added = clock.catchUp();
    assert.equal(added, 30);
    assert.equal(clock.position, 40);
    clocks.advance(1000);
    assert.equal(clock.position, 41);
    assert.equal(clock.catchUp(), 0);
    assert.equal(clock.position, 41);
  });

  test("ignores small differences, a wall clock set back, and sleeps while paused", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start();
    clocks.advance(5000);
    clocks.sleep(100);
    assert.equal(clock.catchUp(), 0);
    clocks.wall -= 3_600_000;
    assert.equal(clock.catchUp(), 0);
    assert.equal(clock.position, 5);
    clock.pause();
    clocks.sleep(60_000);
    assert.equal(clock.catchUp(), 0);
    assert.equal(clock.position, 5);
  });

  test("does not catch up past the end", () => {
    const clocks = fakeClocks();
    const clock = newClock(clocks);
    clock.start(180);
    clocks.sleep(600_000);
    clock.catchUp();
    assert.equal(clock.position, 191);
  });
});
