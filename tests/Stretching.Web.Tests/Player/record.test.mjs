import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { buildTimeline, summarize } from "../../../src/Stretching.Web/wwwroot/js/player/timing.js";
import { ItemTally, PauseLog, answers, buildRecord, markable, newId, recordItems, worthKeeping } from "../../../src/Stretching.Web/wwwroot/js/history/record.js";

const item = (slug, startSeconds, seconds, extra = {}) => ({
  slug, name: slug, role: "exercise", startSeconds, seconds, reps: null, holdSeconds: null, side: null, cue: null, reason: "",
  leadSeconds: 5, repSeconds: null, releaseSeconds: null, ...extra,
});

// 0-60 march; 60-91 bridge; 91-126 rest in child's pose; 126-146 twist left; 146-166 twist right; 166-191 rolls.
const session = {
  minutes: 3, totalSeconds: 191, seed: null, excluded: [], warnings: [],
  blocks: [
    { kind: "warm-up", items: [item("march", 0, 60)] },
    {
      kind: "main",
      items: [
        item("bridge", 60, 31, { reps: 2, holdSeconds: 10, repSeconds: 13, releaseSeconds: 3 }),
        item("childs-pose", 91, 35, { role: "rest", holdSeconds: 30 }),
        item("twist", 126, 20, { holdSeconds: 15, side: "left" }),
        item("twist", 146, 20, { holdSeconds: 15, side: "right" }),
      ],
    },
    { kind: "cool-down", items: [item("rolls", 166, 25, { reps: 5, repSeconds: 4 })] },
  ],
};
const timeline = buildTimeline({ title: "Test session", session });

describe("ItemTally", () => {
  test("a stretch of time that crosses items is shared between them", () => {
    const tally = new ItemTally(timeline);
    tally.credit(0, 50);
    tally.credit(50, 70.5);
    assert.deepEqual(tally.toJSON(), [60, 10.5, 0, 0, 0, 0]);
    assert.equal(tally.total, 70.5);
  });

  test("nothing is credited for a backward or empty stretch, and an item played twice counts twice", () => {
    const tally = new ItemTally(timeline);
    tally.credit(130, 130);
    tally.credit(140, 130);
    tally.credit(126, 136);
    tally.credit(126, 131);
    assert.equal(tally.seconds[3], 15);
  });

  test("saved seconds come back after a reload, and broken ones count as none", () => {
    const tally = new ItemTally(timeline, [60, "x", null, -4, 12]);
    assert.deepEqual(tally.seconds, [60, 0, 0, 0, 12, 0]);
  });
});

describe("recordItems", () => {
  test("a session played through has every item done with its own seconds", () => {
    const tally = new ItemTally(timeline);
    tally.credit(0, 191);
    const items = recordItems(timeline, tally.seconds, [], 191);
    assert.deepEqual(items, [
      { slug: "march", side: null, status: "done", seconds: 60 },
      { slug: "bridge", side: null, status: "done", seconds: 31 },
      { slug: "childs-pose", side: null, status: "done", seconds: 35 },
      { slug: "twist", side: "left", status: "done", seconds: 20 },
      { slug: "twist", side: "right", status: "done", seconds: 20 },
      { slug: "rolls", side: null, status: "done", seconds: 25 },
    ]);
  });

  test("an item skipped early is skipped with the time spent on it, and one skipped at once is still listed", () => {
    const tally = new ItemTally(timeline);
    tally.credit(0, 12.4); // skipped after 12 s
    tally.credit(60, 91);
    tally.credit(126, 146); // the rest skipped at its start
    tally.credit(146, 191);
    const items = recordItems(timeline, tally.seconds, [0, 2], 191);
    assert.deepEqual(items.map((i) => [i.slug, i.status, i.seconds]), [
      ["march", "skipped", 12], ["bridge", "done", 31], ["childs-pose", "skipped", 0], ["twist", "done", 20], ["twist", "done", 20], ["rolls", "done", 25],
    ]);
    // The same count the finish screen shows.
    assert.equal(items.filter((i) => i.status === "done" && i.slug !== "childs-pose").length, summarize(timeline, [0, 2], 191).done);
  });

  test("ending early keeps what was reached: the item playing is skipped, the ones never reached are left out", () => {
    const tally = new ItemTally(timeline);
    tally.credit(0, 75);
    const items = recordItems(timeline, tally.seconds, [], 75);
    assert.deepEqual(items, [
      { slug: "march", side: null, status: "done", seconds: 60 },
      { slug: "bridge", side: null, status: "skipped", seconds: 15 },
    ]);
  });
});

describe("worthKeeping and markable", () => {
  test("a session ended after a few seconds is not kept; one exercise done or a minute spent is", () => {
    const few = new ItemTally(timeline);
    few.credit(0, 20);
    assert.equal(worthKeeping(timeline, recordItems(timeline, few.seconds, [], 20)), false);

    const minute = new ItemTally(timeline);
    minute.credit(0, 30);
    minute.credit(60, 90);
    assert.equal(worthKeeping(timeline, recordItems(timeline, minute.seconds, [0, 1], 90)), true);

    // A rest alone, done to its end, is not an exercise done.
    const rest = new ItemTally(timeline);
    rest.credit(91, 126);
    assert.equal(worthKeeping(timeline, recordItems(timeline, rest.seconds, [0, 1], 126)), false);
  });

  test("each exercise played can be marked once, whatever its sides; rests and exercises not reached cannot", () => {
    const tally = new ItemTally(timeline);
    tally.credit(0, 150);
    const items = recordItems(timeline, tally.seconds, [1], 150);
    assert.deepEqual(markable(timeline, items), [
      { slug: "march", name: "march" }, { slug: "bridge", name: "bridge" }, { slug: "twist", name: "twist" },
    ]);
  });
});

describe("buildRecord and answers", () => {
  const base = {
    id: "3f2a9c4e-8b1d-4c6e-9f0a-2d7b5e1c8a44",
    source: { routine: "female-2" },
    snapshot: session,
    startedAt: Date.parse("2026-03-02T07:00:01.000Z"),
    finishedAt: Date.parse("2026-03-02T07:03:12.000Z"),
    timeZone: "Europe/London",
    items: [{ slug: "march", side: null, status: "done", seconds: 60 }],
  };

  test("the record has the contract's fields, times in ISO 8601 with their offset", () => {
    const record = buildRecord({ ...base, painBefore: 4 });
    assert.deepEqual(Object.keys(record), ["id", "source", "snapshot", "startedAt", "finishedAt", "timeZone", "items", "painBefore", "painAfter", "ease", "note", "flags", "pauses", "pausedSeconds"]);
    assert.equal(record.startedAt, "2026-03-02T07:00:01.000Z");
    assert.equal(record.finishedAt, "2026-03-02T07:03:12.000Z");
    assert.equal(record.painBefore, 4);
    assert.deepEqual([record.painAfter, record.ease, record.note, record.flags], [null, null, null, []]);
    assert.deepEqual([record.pauses, record.pausedSeconds], [0, 0]);
  });

  test("no pain answer, or a broken one, is null; a missing zone is UTC", () => {
    assert.equal(buildRecord({ ...base }).painBefore, null);
    assert.equal(buildRecord({ ...base, painBefore: 11 }).painBefore, null);
    assert.equal(buildRecord({ ...base, painBefore: 0 }).painBefore, 0);
    assert.equal(buildRecord({ ...base, timeZone: "" }).timeZone, "UTC");
  });

  test("a session resumed the next day starts when its active time says, within the server's six hours", () => {
    const record = buildRecord({ ...base, startedAt: base.finishedAt - 26 * 3600 * 1000 });
    assert.equal(record.startedAt, "2026-03-02T07:02:12.000Z");
  });

  test("answers are the record's fields: ratings in range, a trimmed note, one flag per marked exercise", () => {
    assert.deepEqual(answers({ painAfter: "2", ease: 3, note: "  Easier than last week \n", flags: { march: "good", twist: "hurt", bridge: null } }), {
      painAfter: 2, ease: 3, note: "Easier than last week", flags: [{ slug: "march", felt: "good" }, { slug: "twist", felt: "hurt" }],
    });
    assert.deepEqual(answers({ ease: 0, note: "   " }), { painAfter: null, ease: null, note: null, flags: [] });
    assert.equal(answers({ note: "x".repeat(2500) }).note.length, 2000);
  });
});

test("a record's id is a version 4 UUID, with or without crypto.randomUUID", () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(newId(), uuid);
  const ids = new Set(Array.from({ length: 100 }, () => newId({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) })));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.match(id, uuid);
});

describe("PauseLog", () => {
  test("counts each pause once and adds up the wall-clock time until each resume", () => {
    const log = new PauseLog();
    log.pause(1_000);
    log.pause(5_000); // already paused: the same pause
    log.resume(31_000);
    log.resume(40_000); // not paused: nothing
    log.pause(60_000);
    log.resume(70_400);
    assert.deepEqual(log.at(100_000), { count: 2, seconds: 40 });
  });

  test("a pause still open counts up to the moment asked, and a restored log carries on", () => {
    const log = new PauseLog({ count: 1, seconds: 12 });
    log.pause(0);
    assert.deepEqual(log.at(8_000), { count: 2, seconds: 20 });
    assert.deepEqual(new PauseLog({ count: "x", seconds: -4 }).at(0), { count: 0, seconds: 0 });
  });

  test("the record carries the pauses, never longer than the session itself", () => {
    const items = recordItems(timeline, [60], [], 60);
    const record = buildRecord({ id: "r", source: { routine: "x" }, snapshot: session, startedAt: 0, finishedAt: 90_000, timeZone: "UTC", items, pauses: { count: 3, seconds: 500 } });
    assert.equal(record.pauses, 3);
    assert.equal(record.pausedSeconds, 90);
  });
});
