import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  SessionClock, backTarget, blockBoundaries, breathAt, buildTimeline, cueBetween, formatTime, instructionFor,
  itemIndexAt, phaseAt, restartTarget, skipTarget, summarize,
} from "../../../src/Stretching.Web/wwwroot/js/player/timing.js";

// Items carry their own timing figures, as the server sends them (SessionItem in Stretching.Core).
const item = (slug, startSeconds, seconds, extra = {}) => ({
  slug, name: slug, role: "exercise", startSeconds, seconds, reps: null, holdSeconds: null, side: null, cue: null, reason: "",
  leadSeconds: 5, repSeconds: null, releaseSeconds: null, ...extra,
});

// 0-60 warm-up; 60-91 reps with hold (5 + 2 x (10 + 3)); 91-126 rest; 126-146 left; 146-166 right; 166-191 reps (5 + 5 x 4).
const data = {
  title: "Test session",
  breathSeconds: 6,
  session: {
    minutes: 3,
    totalSeconds: 191,
    seed: null,
    blocks: [
      { kind: "warm-up", items: [item("march", 0, 60, { cue: "Breathe freely." })] },
      {
        kind: "main",
        items: [
          item("bridge", 60, 31, { reps: 2, holdSeconds: 10, repSeconds: 13, releaseSeconds: 3, cue: "Breathe out as you lift." }),
          item("childs-pose", 91, 35, { role: "rest", holdSeconds: 30, cue: "Breathe slowly." }),
          item("twist", 126, 20, { holdSeconds: 15, side: "left" }),
          item("twist", 146, 20, { holdSeconds: 15, side: "right" }),
        ],
      },
      { kind: "cool-down", items: [item("rolls", 166, 25, { reps: 5, repSeconds: 4 })] },
    ],
    excluded: [],
    warnings: [],
  },
  exercises: {
    march: { position: "Standing", cues: { ready: "Stand tall", hold: null, release: null, move: "March on the spot" } },
    bridge: { position: "Lying on the back", cues: { ready: "Lie down, knees bent", hold: "Lift the pelvis", release: "Lower slowly", move: null } },
    "childs-pose": { position: "Kneeling", cues: { ready: "Kneel, hands forward", hold: "Sink the hips to the heels", release: null, move: null } },
    twist: { position: "Lying on the back", cues: { ready: "Lie down, arms wide", hold: "Let the knees fall", release: null, move: null } },
    rolls: { position: "Sitting", cues: { ready: "Hug the knees", hold: null, release: null, move: "Roll back and up" } },
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
      [0, 60, "warm-up"], [60, 91, "main"], [91, 126, "main"], [126, 146, "main"], [146, 166, "main"], [166, 191, "cool-down"],
    ]);
    assert.equal(timeline.total, 191);
    assert.equal(timeline.title, "Test session");
    assert.deepEqual(timeline.items.map((i) => i.index), [0, 1, 2, 3, 4, 5]);
  });

  test("reads every timing figure from the server's items instead of keeping its own", () => {
    const bridge = timeline.items[1];
    assert.deepEqual([bridge.lead, bridge.hold, bridge.reps, bridge.repSeconds, bridge.release], [5, 10, 2, 13, 3]);
    const custom = buildTimeline({ session: { totalSeconds: 20, blocks: [{ kind: "main", items: [item("x", 0, 20, { leadSeconds: 8 })] }] } });
    assert.equal(phaseAt(custom.items[0], 7.9).phase, "ready");
    assert.equal(phaseAt(custom.items[0], 8).phase, "work");
    assert.equal(timeline.breathSeconds, 6);
  });

  test("joins the exercise's position and phase cues and marks rests", () => {
    assert.equal(timeline.items[1].position, "Lying on the back");
    assert.equal(timeline.items[0].cues.move, "March on the spot");
    assert.equal(timeline.items[2].rest, true);
    assert.equal(timeline.items[3].side, "left");
  });

  test("gives block boundaries for the progress bar", () => {
    const blocks = blockBoundaries(timeline);
    assert.deepEqual(blocks.map((b) => [b.kind, b.start, b.end]), [["warm-up", 0, 60], ["main", 60, 166], ["cool-down", 166, 191]]);
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

  test("starts every exercise with its lead to get into position", () => {
    const p = phaseAt(bridge, 60);
    assert.equal(p.phase, "ready");
    assert.equal(p.phaseRemaining, 5);
    assert.equal(p.itemRemaining, 31);
    assert.equal(p.rep, null);
    assert.equal(phaseAt(bridge, 64.99).phase, "ready");
  });

  test("counts each held repetition down on its own, then its release", () => {
    // Rep 1: hold 65-75, release 75-78; rep 2: hold 78-88, release 88-91.
    assert.deepEqual(pick(phaseAt(bridge, 65)), ["hold", 10, 1, false]);
    assert.deepEqual(pick(phaseAt(bridge, 74.5)), ["hold", 0.5, 1, false]);
    assert.deepEqual(pick(phaseAt(bridge, 75)), ["release", 3, 1, false]);
    assert.deepEqual(pick(phaseAt(bridge, 78)), ["hold", 10, 2, true]);
    assert.deepEqual(pick(phaseAt(bridge, 88)), ["release", 3, 2, true]);
    assert.equal(phaseAt(bridge, 91).phaseRemaining, 0);
  });

  test("counts each dynamic repetition down on its own", () => {
    assert.deepEqual(pick(phaseAt(rolls, 171)), ["move", 4, 1, false]);
    assert.deepEqual(pick(phaseAt(rolls, 175)), ["move", 4, 2, false]);
    assert.deepEqual(pick(phaseAt(rolls, 187)), ["move", 4, 5, true]);
    assert.equal(phaseAt(rolls, 191).rep, 5);
    assert.equal(phaseAt(march, 30).rep, null);
  });

  test("holds a single hold for its length and times timed work as one phase", () => {
    assert.deepEqual(pick(phaseAt(twist, 131)), ["hold", 15, null, false]);
    assert.deepEqual(pick(phaseAt(march, 5)), ["work", 55, null, false]);
  });

  test("shows a rest as getting into the pose, then the rest", () => {
    assert.equal(phaseAt(rest, 91).phase, "ready");
    assert.equal(phaseAt(rest, 96).phase, "rest");
    assert.equal(phaseAt(rest, 96).phaseRemaining, 30);
    assert.equal(phaseAt(rest, 125).phaseRemaining, 1);
  });

  const pick = (p) => [p.phase, p.phaseRemaining, p.rep, p.lastRep];
});

describe("breathAt", () => {
  const [march, bridge, rest, twist] = timeline.items;

  test("paces a 6 s cycle from the start of each phase, only where there is a breathing cue", () => {
    assert.equal(breathAt(timeline, march, phaseAt(march, 2)).breath, null);
    assert.equal(breathAt(timeline, march, phaseAt(march, 5)).breath, "in");
    assert.equal(breathAt(timeline, march, phaseAt(march, 7.9)).breath, "in");
    assert.equal(breathAt(timeline, march, phaseAt(march, 8)).breath, "out");
    assert.equal(breathAt(timeline, march, phaseAt(march, 11)).breath, "in");
    assert.equal(breathAt(timeline, march, phaseAt(march, 6.5)).fraction, 0.5);
    assert.equal(breathAt(timeline, twist, phaseAt(twist, 140)).breath, null);
    assert.equal(breathAt(timeline, rest, phaseAt(rest, 96)).breath, "in");
  });

  test("restarts with every hold and pauses during the release", () => {
    assert.equal(breathAt(timeline, bridge, phaseAt(bridge, 78)).breath, "in");
    assert.equal(breathAt(timeline, bridge, phaseAt(bridge, 76)).breath, null);
  });
});

describe("instructionFor", () => {
  const [march, bridge, rest] = timeline.items;

  test("shows the one cue for the phase, not a slice of the steps", () => {
    assert.equal(instructionFor(bridge, phaseAt(bridge, 61).phase), "Lie down, knees bent");
    assert.equal(instructionFor(bridge, phaseAt(bridge, 66).phase), "Lift the pelvis");
    assert.equal(instructionFor(bridge, phaseAt(bridge, 76).phase), "Lower slowly");
    assert.equal(instructionFor(march, phaseAt(march, 30).phase), "March on the spot");
    assert.equal(instructionFor(rest, phaseAt(rest, 92).phase), "Kneel, hands forward");
    assert.equal(instructionFor(rest, phaseAt(rest, 100).phase), "Sink the hips to the heels");
  });
});

describe("cueBetween", () => {
  const [march, bridge, rest, left, right, rolls] = timeline.items;
  const at = (item, position) => ({ itemIndex: item.index, ...phaseAt(item, position) });

  test("names each change of what the body does", () => {
    assert.equal(cueBetween(at(march, 59.9), at(bridge, 60), bridge, march), "item");
    assert.equal(cueBetween(at(bridge, 64.9), at(bridge, 65), bridge), "hold");
    assert.equal(cueBetween(at(bridge, 74.9), at(bridge, 75), bridge), "release");
    assert.equal(cueBetween(at(bridge, 77.9), at(bridge, 78), bridge), "last");
    assert.equal(cueBetween(at(march, 4.9), at(march, 5), march), "go");
    assert.equal(cueBetween(at(rest, 95.9), at(rest, 96), rest), "rest");
    assert.equal(cueBetween(at(rolls, 174.9), at(rolls, 175), rolls), "rep");
    assert.equal(cueBetween(at(rolls, 186.9), at(rolls, 187), rolls), "last");
  });

  test("says switch sides when the right side follows the left", () => {
    assert.equal(cueBetween(at(left, 145.9), at(right, 146), right, left), "switch");
    assert.equal(cueBetween(at(rest, 125.9), at(left, 126), left, rest), "item");
  });

  test("says nothing while the phase goes on", () => {
    assert.equal(cueBetween(at(bridge, 66), at(bridge, 67), bridge), null);
    assert.equal(cueBetween(at(march, 20), at(march, 21), march), null);
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
