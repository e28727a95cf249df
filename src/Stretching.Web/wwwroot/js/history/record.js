// The record of a played session, made from the player's timeline: kept free of the DOM and of
// storage so node can test it. The shape is POST /api/me/history's (RecordShape on the server).

const SIX_HOURS = 6 * 3600 * 1000;

/**
 * The seconds actually spent on each item. The player credits every stretch of time the clock ran
 * (from, to) as it goes; a stretch that crosses items is shared between them. Paused time never
 * reaches it, time before a skip does, and an item played again after Back counts both times.
 */
export class ItemTally {
  constructor(timeline, seconds = []) {
    this.items = timeline.items;
    this.seconds = this.items.map((_, i) => Math.max(0, Number(seconds[i]) || 0));
  }

  credit(from, to) {
    if (!(to > from)) return;
    for (const item of this.items) {
      if (item.start >= to) break;
      const overlap = Math.min(to, item.end) - Math.max(from, item.start);
      if (overlap > 0) this.seconds[item.index] += overlap;
    }
  }

  get total() {
    return this.seconds.reduce((sum, s) => sum + s, 0);
  }

  toJSON() {
    return this.seconds.map((s) => Math.round(s * 1000) / 1000);
  }
}

/** How often and how long (wall clock) the session was paused; a pause still open at the finish ends there. */
export class PauseLog {
  constructor({ count = 0, seconds = 0 } = {}) {
    this.count = Math.max(0, Number(count) || 0);
    this.seconds = Math.max(0, Number(seconds) || 0);
    this._since = null;
  }

  pause(at) {
    if (this._since !== null) return;
    this.count++;
    this._since = at;
  }

  resume(at) {
    if (this._since === null) return;
    this.seconds += Math.max(0, (at - this._since) / 1000);
    this._since = null;
  }

  /** The figures as of a wall-clock time: whole seconds. */
  at(now) {
    const open = this._since === null ? 0 : Math.max(0, (now - this._since) / 1000);
    return { count: this.count, seconds: Math.round(this.seconds + open) };
  }
}

/**
 * One line per item the person reached: done when the clock ran through its end and it was not
 * skipped, otherwise skipped, with the whole seconds spent on it. Items never reached (the session
 * ended before them) were not played, so they are left out rather than counted as skipped.
 */
export function recordItems(timeline, seconds, skipped, endPosition) {
  const skippedSet = new Set(skipped);
  const lines = [];
  for (const item of timeline.items) {
    const spent = seconds[item.index] ?? 0;
    const done = item.end <= endPosition + 1e-6 && !skippedSet.has(item.index);
    if (!done && !skippedSet.has(item.index) && spent < 0.5) continue;
    lines.push({ slug: item.slug, side: item.side ?? null, status: done ? "done" : "skipped", seconds: Math.round(spent) });
  }
  return lines;
}

/** Something worth keeping was done: an exercise to its end, or a minute of the session in all. */
export function worthKeeping(timeline, items) {
  const rests = new Set(timeline.items.filter((i) => i.rest).map((i) => i.slug));
  return items.some((i) => i.status === "done" && !rests.has(i.slug)) || items.reduce((sum, i) => sum + i.seconds, 0) >= 60;
}

/** The exercises a person can mark as felt good or hurt: each one played (not a rest), once, in order. */
export function markable(timeline, items) {
  const names = new Map(timeline.items.filter((i) => !i.rest).map((i) => [i.slug, i.name]));
  const seen = new Map();
  for (const line of items) {
    if (names.has(line.slug) && !seen.has(line.slug) && (line.status === "done" || line.seconds > 0)) seen.set(line.slug, names.get(line.slug));
  }
  return [...seen].map(([slug, name]) => ({ slug, name }));
}

/**
 * The record as the server takes it. The start is the session's own; one resumed after more than six
 * hours (the server's longest session) starts when its active time says it must have.
 */
export function buildRecord({ id, source, snapshot, startedAt, finishedAt, timeZone, items, painBefore = null, pauses = { count: 0, seconds: 0 } }) {
  const finished = finishedAt;
  let started = Math.min(startedAt ?? finished, finished);
  if (finished - started > SIX_HOURS) {
    started = finished - Math.min(SIX_HOURS, items.reduce((sum, i) => sum + i.seconds, 0) * 1000);
  }
  return {
    id,
    source,
    snapshot,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    timeZone: timeZone || "UTC",
    items,
    painBefore: rating(painBefore, 0, 10),
    painAfter: null,
    ease: null,
    note: null,
    flags: [],
    pauses: pauses.count,
    pausedSeconds: Math.min(pauses.seconds, Math.floor((finished - started) / 1000)),
  };
}

/** The finish screen's answers, as the record's fields: ratings in range or null, a trimmed note or null, one flag per exercise. */
export function answers({ painAfter = null, ease = null, note = "", flags = {} } = {}) {
  const text = String(note ?? "").trim().slice(0, 2000);
  return {
    painAfter: rating(painAfter, 0, 10),
    ease: rating(ease, 1, 5),
    note: text || null,
    flags: Object.entries(flags).filter(([, felt]) => felt === "good" || felt === "hurt").map(([slug, felt]) => ({ slug, felt })),
  };
}

function rating(value, min, max) {
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** A UUID for a new record: crypto.randomUUID where the page is a secure context, the same from random bytes elsewhere. */
export function newId(crypto = globalThis.crypto) {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
