// The outbox's rules, with a store in memory and a server played by the test: what is sent, when, and
// what each answer does to the local copy. (The IndexedDB behind them is exercised by the browser tests.)
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import "../../../src/Stretching.Web/wwwroot/js/history/outbox.js";

const { sendOutcome, isSendable, unowned, flush, problemText, lockName } = globalThis.StretchingOutbox;

const ANN = "ann-hint";
const BOB = "bob-hint";
const NOW = Date.parse("2026-03-02T08:00:00Z");

const entry = (id, extra = {}) => ({ id, owner: ANN, state: "ready", title: "A session", updatedAt: NOW - 1000, body: { id, note: null }, ...extra });

function memoryStore(entries) {
  const outbox = new Map(entries.map((e) => [e.id, structuredClone(e)]));
  const rejected = new Map();
  return {
    outbox,
    rejected,
    all: async () => [...outbox.values()].map((e) => structuredClone(e)),
    update: async (id, change) => {
      const current = outbox.get(id);
      const next = current ? change(structuredClone(current)) : null;
      if (next) outbox.set(id, next);
      return next;
    },
    remove: async (id) => void outbox.delete(id),
    reject: async (e, why) => {
      rejected.set(e.id, { ...e, state: "rejected", why });
      outbox.delete(e.id);
    },
  };
}

/** A server answering each POST with the next status of a script (a number, or "offline" to throw), recording the bodies. */
function server(...statuses) {
  const bodies = [];
  const fetch = async (url, init) => {
    assert.equal(url, "/api/me/history");
    assert.equal(init.method, "POST");
    assert.equal(init.headers["Content-Type"], "application/json");
    // Every record names the person it was made for, so the server can refuse to file it under another.
    assert.equal(init.headers["X-Owner-Hint"], ANN);
    bodies.push(JSON.parse(init.body));
    const status = statuses.length > 1 ? statuses.shift() : statuses[0];
    if (status === "offline") throw new TypeError("Failed to fetch");
    return { status, json: async () => (status === 400 ? { title: "One or more validation errors occurred.", errors: { finishedAt: ["The finish is in the future."] } } : {}) };
  };
  return { fetch, bodies };
}

describe("sendOutcome", () => {
  test("2xx removes, 401 and 403 wait for the owner, 4xx that cannot get better are rejected, everything else is retried", () => {
    assert.deepEqual([200, 201].map(sendOutcome), ["sent", "sent"]);
    assert.deepEqual([401, 403].map(sendOutcome), ["signed-out", "signed-out"]);
    assert.deepEqual([400, 409, 413, 422].map(sendOutcome), ["rejected", "rejected", "rejected", "rejected"]);
    assert.deepEqual([0, 404, 429, 500, 502, 503].map(sendOutcome), ["retry", "retry", "retry", "retry", "retry", "retry"]);
  });
});

describe("isSendable", () => {
  test("only the owner's own entries go, and none while nobody is signed in", () => {
    assert.equal(isSendable(entry("a"), { owner: ANN, now: NOW }), true);
    assert.equal(isSendable(entry("a"), { owner: BOB, now: NOW }), false);
    assert.equal(isSendable(entry("a", { owner: null }), { owner: ANN, now: NOW }), false);
    assert.equal(isSendable(entry("a"), { owner: null, now: NOW }), false);
  });

  test("a draft goes only once its page has let go of it", () => {
    const draft = entry("d", { state: "draft" });
    assert.equal(isSendable(draft, { owner: ANN, held: new Set([lockName("d")]), now: NOW }), false);
    assert.equal(isSendable(draft, { owner: ANN, held: new Set([lockName("other")]), now: NOW }), true);
    // Without Web Locks: left once untouched for half an hour.
    assert.equal(isSendable(draft, { owner: ANN, held: null, now: NOW }), false);
    assert.equal(isSendable(draft, { owner: ANN, held: null, now: NOW + 31 * 60 * 1000 }), true);
  });

  test("sessions made without an account are offered once settled, never ones with an owner", () => {
    const entries = [entry("mine"), entry("anon", { owner: null }), entry("anon-open", { owner: null, state: "draft" }), entry("anon-left", { owner: null, state: "draft" })];
    assert.deepEqual(unowned(entries, { held: new Set([lockName("anon-open")]), now: NOW }).map((e) => e.id), ["anon", "anon-left"]);
  });
});

describe("flush", () => {
  test("what the server kept, new or again, leaves the outbox; each body goes as it was saved", async () => {
    const store = memoryStore([entry("a"), entry("b")]);
    const { fetch, bodies } = server(201, 200);
    const result = await flush({ owner: ANN, store, fetch, now: NOW });
    assert.deepEqual(result.sent, ["a", "b"]);
    assert.equal(store.outbox.size, 0);
    assert.deepEqual(bodies, [{ id: "a", note: null }, { id: "b", note: null }]);
  });

  test("offline, everything stays and nothing else is tried", async () => {
    const store = memoryStore([entry("a"), entry("b")]);
    const { fetch, bodies } = server("offline");
    const result = await flush({ owner: ANN, store, fetch, now: NOW });
    assert.equal(result.stopped, "offline");
    assert.equal(result.waiting, 2);
    assert.equal(bodies.length, 1);
    assert.equal(store.outbox.size, 2);
  });

  test("a server error or a 401 keeps the entry for later", async () => {
    for (const status of [500, 503, 401, 429]) {
      const store = memoryStore([entry("a")]);
      const result = await flush({ owner: ANN, store, fetch: server(status).fetch, now: NOW });
      assert.deepEqual([store.outbox.size, result.sent.length, result.rejected.length], [1, 0, 0], `status ${status}`);
    }
  });

  test("a 400 moves the entry to the rejected list with the server's words, and the rest still go", async () => {
    const store = memoryStore([entry("bad"), entry("good")]);
    const result = await flush({ owner: ANN, store, fetch: server(400, 201).fetch, now: NOW });
    assert.deepEqual([result.rejected, result.sent], [["bad"], ["good"]]);
    assert.equal(store.outbox.size, 0);
    const rejected = store.rejected.get("bad");
    assert.equal(rejected.why.status, 400);
    assert.equal(problemText(rejected.why.problem), "The finish is in the future.");
  });

  test("a reload in the middle of sending loses nothing: the entry is removed only after a 2xx, and sending again is the same body", async () => {
    const store = memoryStore([entry("a")]);
    // The page goes away while the request is out: the answer never arrives.
    const lost = await flush({ owner: ANN, store, fetch: server("offline").fetch, now: NOW });
    assert.equal(lost.sent.length, 0);
    assert.equal(store.outbox.size, 1);
    // The next page sends it again; the server already has it and answers 200.
    const { fetch, bodies } = server(200);
    await flush({ owner: ANN, store, fetch, now: NOW });
    assert.equal(store.outbox.size, 0);
    assert.deepEqual(bodies, [{ id: "a", note: null }]);
  });

  test("a draft left by its page is frozen before it goes; one still open, another person's and one without an owner stay", async () => {
    const store = memoryStore([entry("left", { state: "draft" }), entry("open", { state: "draft" }), entry("bob", { owner: BOB }), entry("anon", { owner: null })]);
    const seen = [];
    const fetch = async (url, init) => {
      seen.push([JSON.parse(init.body).id, store.outbox.get("left")?.state]);
      return { status: 201 };
    };
    const result = await flush({ owner: ANN, store, fetch, held: new Set([lockName("open")]), now: NOW });
    assert.deepEqual(seen, [["left", "ready"]]);
    assert.deepEqual(result.sent, ["left"]);
    assert.deepEqual([...store.outbox.keys()], ["open", "bob", "anon"]);
  });

  test("nobody signed in: nothing is sent at all", async () => {
    const store = memoryStore([entry("a", { owner: null })]);
    const { fetch, bodies } = server(201);
    await flush({ owner: null, store, fetch, now: NOW });
    assert.equal(bodies.length, 0);
  });
});
