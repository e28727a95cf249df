// The outbox: played sessions kept in this browser (IndexedDB) until the account they belong to has
// them. Pages import it as a module and the service worker with importScripts, so it is written as a
// plain script that names itself globalThis.StretchingOutbox: one copy of the rules for both.
//
// An entry is { id, owner, state, title, updatedAt, body }: body is the record exactly as POST
// /api/me/history takes it. state "draft" while the finish screen is still filling in its answers
// (the page holds a Web Lock named after it), "ready" once saved, left behind or adopted; a ready
// body never changes again, so the same id never goes out with two bodies. owner is the page's
// owner hint when it was made (null without an account): an entry is only sent while its owner is
// signed in, and one made without an account only after that person agrees to add it.
(() => {
  "use strict";
  if (globalThis.StretchingOutbox) return;

  const DATABASE = "stretching-history";
  const ENDPOINT = "/api/me/history";
  const LOCK_PREFIX = "stretching-record:";
  const SEND_LOCK = "stretching-history-send";
  const SYNC_TAG = "stretching-history";
  // Without Web Locks nobody can tell whether a draft's page is still open: it counts as left after this.
  const DRAFT_LEFT_AFTER_MS = 30 * 60 * 1000;

  /** What an answer to POST /api/me/history means for the entry. */
  function sendOutcome(status) {
    if (status === 200 || status === 201) return "sent"; // kept, now or before: drop the local copy
    if (status === 401 || status === 403) return "signed-out"; // keep it until its owner is signed in
    if (status === 400 || status === 409 || status === 413 || status === 422) return "rejected"; // sending again cannot help
    return "retry"; // no network, a server error, too many requests: later
  }

  const lockName = (id) => LOCK_PREFIX + id;

  /** Saved, or a draft its page has let go of (closed, reloaded, gone elsewhere): final either way. */
  function isSettled(entry, { held = null, now = Date.now() } = {}) {
    if (entry.state === "ready") return true;
    if (entry.state !== "draft") return false;
    return held ? !held.has(lockName(entry.id)) : now - (entry.updatedAt ?? 0) > DRAFT_LEFT_AFTER_MS;
  }

  /** May this entry go now? Its owner must be the one signed in, and it must be settled. */
  function isSendable(entry, { owner, held = null, now = Date.now() }) {
    return !!owner && entry.owner === owner && isSettled(entry, { held, now });
  }

  /** Sessions made without an account and settled, which a signed-in person may choose to add to theirs. */
  function unowned(entries, { held = null, now = Date.now() } = {}) {
    return entries.filter((e) => e.owner === null && isSettled(e, { held, now }));
  }

  /**
   * Sends every entry the signed-in owner may send, one at a time, and applies each answer: removed
   * only after a 2xx, moved to the rejected list on a 400 (or 409, 413, 422), kept otherwise. Stops at
   * the first sign that nobody is signed in, the network is gone or the server is in trouble.
   */
  async function flush({ owner, store, fetch = globalThis.fetch.bind(globalThis), held = null, now = Date.now() }) {
    const result = { sent: [], rejected: [], waiting: 0, stopped: null };
    if (!owner) return result;
    const entries = (await store.all()).filter((e) => e.owner === owner);
    for (const entry of entries) {
      if (result.stopped || !isSendable(entry, { owner, held, now })) {
        result.waiting++;
        continue;
      }
      if (entry.state === "draft") {
        // Left by its page: frozen before it goes, so whatever is sent is final.
        const frozen = await store.update(entry.id, (e) => (e.state === "draft" ? { ...e, state: "ready" } : e));
        if (!frozen) continue;
      }
      let response;
      try {
        response = await post(entry.body, entry.owner, fetch);
      } catch {
        result.stopped = "offline";
        result.waiting++;
        continue;
      }
      const outcome = sendOutcome(response.status);
      if (outcome === "sent") {
        await store.remove(entry.id);
        result.sent.push(entry.id);
      } else if (outcome === "rejected") {
        let problem = null;
        try { problem = await response.json(); } catch { /* no details */ }
        await store.reject(entry, { status: response.status, problem, at: now });
        result.rejected.push(entry.id);
      } else {
        result.stopped = outcome;
        result.waiting++;
      }
    }
    return result;
  }

  /** Sends one record to the history API as its owner's. The server refuses (403) a record whose owner is not the one signed in. */
  function post(body, owner, fetch = globalThis.fetch.bind(globalThis)) {
    return fetch(ENDPOINT, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-Owner-Hint": owner },
      body: JSON.stringify(body),
    });
  }

  /** The problem's words for a person: the field messages of a 400, else its title. */
  function problemText(problem) {
    const errors = problem?.errors ? Object.values(problem.errors).flat().filter(Boolean) : [];
    if (errors.length) return errors.join(" ");
    return problem?.detail || problem?.title || "The server did not take it.";
  }

  // IndexedDB, behind the few operations above.

  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });

  let opening = null;
  function database() {
    opening ??= new Promise((resolve, reject) => {
      const open = indexedDB.open(DATABASE, 1);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore("outbox", { keyPath: "id" });
        db.createObjectStore("rejected", { keyPath: "id" });
        db.createObjectStore("meta", { keyPath: "key" });
      };
      open.onsuccess = () => {
        const db = open.result;
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      open.onerror = () => { opening = null; reject(open.error); };
      open.onblocked = () => { opening = null; reject(new Error("IndexedDB is blocked")); };
    });
    return opening;
  }

  async function run(names, mode, work) {
    const db = await database();
    const tx = db.transaction(names, mode);
    const finished = done(tx);
    const value = await work(...[names].flat().map((n) => tx.objectStore(n)));
    await finished;
    return value;
  }

  const store = {
    all: () => run("outbox", "readonly", (s) => request(s.getAll())),
    get: (id) => run("outbox", "readonly", (s) => request(s.get(id))),
    put: (entry) => run("outbox", "readwrite", (s) => request(s.put({ ...entry, updatedAt: Date.now() }))),
    /** Changes an entry in one transaction: change(entry) gives the new entry, or null to leave it. Resolves with what was stored, or null. */
    update: (id, change) => run("outbox", "readwrite", async (s) => {
      const entry = await request(s.get(id));
      const next = entry ? change(entry) : null;
      if (!next) return null;
      if (next !== entry) await request(s.put({ ...next, updatedAt: Date.now() }));
      return next;
    }),
    remove: (id) => run("outbox", "readwrite", (s) => request(s.delete(id))),
    reject: (entry, why) => run(["outbox", "rejected"], "readwrite", async (outbox, rejected) => {
      await request(rejected.put({ ...entry, state: "rejected", why }));
      await request(outbox.delete(entry.id));
    }),
    rejected: () => run("rejected", "readonly", (s) => request(s.getAll())),
    /** Gives entries made without an account to the person now signed in, who agreed to it; they are final from now on. */
    adopt: (ids, owner) => run("outbox", "readwrite", async (s) => {
      let adopted = 0;
      for (const id of ids) {
        const entry = await request(s.get(id));
        if (!entry || entry.owner !== null) continue;
        await request(s.put({ ...entry, owner, state: "ready", updatedAt: Date.now() }));
        adopted++;
      }
      return adopted;
    }),
    forget: (id) => run("rejected", "readwrite", (s) => request(s.delete(id))),
    meta: (key) => run("meta", "readonly", async (s) => (await request(s.get(key)))?.value),
    setMeta: (key, value) => run("meta", "readwrite", (s) => request(s.put({ key, value }))),
  };

  const locks = globalThis.navigator?.locks;

  /** The record locks held anywhere in this browser (null where Web Locks are missing). */
  async function heldNames() {
    if (!locks) return null;
    try {
      const { held = [] } = await locks.query();
      return new Set(held.map((l) => l.name));
    } catch {
      return null;
    }
  }

  /** Holds a draft's lock for as long as its page edits it; resolves once held, with the function that lets go. */
  function hold(id) {
    if (!locks) return Promise.resolve(() => {});
    return new Promise((granted) => {
      locks.request(lockName(id), () => new Promise((release) => granted(release))).catch(() => granted(() => {}));
    });
  }

  /** flush() with this browser's database, one sender at a time across its pages and worker. */
  async function send(owner) {
    const go = async () => flush({ owner, store, held: await heldNames() });
    try {
      return locks ? await locks.request(SEND_LOCK, go) : await go();
    } catch (error) {
      return { sent: [], rejected: [], waiting: 0, stopped: "storage", error };
    }
  }

  /** Asks the service worker to send when the network is back, even with no page open (Background Sync, where there is one). */
  async function later() {
    try {
      const registration = globalThis.registration ?? await globalThis.navigator?.serviceWorker?.getRegistration();
      await registration?.sync?.register(SYNC_TAG);
    } catch { /* no Background Sync: the next page load or the online event sends it */ }
  }

  globalThis.StretchingOutbox = { sendOutcome, isSettled, isSendable, unowned, flush, post, problemText, lockName, store, heldNames, hold, send, later, SYNC_TAG };
})();
