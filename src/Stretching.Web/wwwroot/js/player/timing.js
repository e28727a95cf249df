// The session player's arithmetic, kept free of the DOM so node can test it.
// Positions are seconds from the start of the session. Every figure comes from the server's
// session JSON (each item's lead, hold, repetition cadence); nothing here repeats its constants.

export const BACK_RESTARTS_AFTER = 3;

/** Flattens the page's JSON into one list of items with absolute start/end and their block kind. */
export function buildTimeline(data) {
  const session = data.session ?? data;
  const exercises = data.exercises ?? {};
  const items = [];
  const blocks = [];
  for (const block of session.blocks ?? []) {
    const first = items.length;
    for (const raw of block.items ?? []) {
      const info = exercises[raw.slug] ?? {};
      const start = raw.startSeconds;
      items.push({
        index: items.length,
        slug: raw.slug,
        name: raw.name,
        rest: raw.role === "rest",
        kind: block.kind,
        start,
        end: start + raw.seconds,
        seconds: raw.seconds,
        lead: Math.min(raw.leadSeconds ?? 0, raw.seconds),
        reps: raw.reps ?? null,
        hold: raw.holdSeconds ?? null,
        repSeconds: raw.repSeconds ?? null,
        release: raw.releaseSeconds ?? null,
        asLongAsYouCan: !!raw.asLongAsYouCan,
        side: raw.side ?? null,
        cue: raw.cue ?? null,
        position: info.position ?? "",
        cues: info.cues ?? {},
        figure: info.figure ?? null,
      });
    }
    if (items.length > first) {
      blocks.push({ kind: block.kind, start: items[first].start, end: items[items.length - 1].end });
    }
  }
  const end = items.length ? items[items.length - 1].end : 0;
  return {
    title: data.title ?? "",
    total: Math.max(session.totalSeconds ?? 0, end),
    breathSeconds: data.breathSeconds ?? 0,
    items,
    blocks,
  };
}

/** Index of the item playing at a position; 0 before the start, items.length at or after the end. */
export function itemIndexAt(timeline, position) {
  const { items } = timeline;
  if (!items.length || position >= timeline.total) return items.length;
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (items[mid].start <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Block boundaries as fractions of the whole session, for the progress bar. */
export function blockBoundaries(timeline) {
  const total = timeline.total || 1;
  return timeline.blocks.map((b) => ({ ...b, from: b.start / total, width: (b.end - b.start) / total }));
}

/**
 * What the body is doing at a position, and for how long:
 * "ready" while getting into position, then "rest" for a rest, "hold" and "release" for each held
 * repetition, "move" for each dynamic repetition, "hold" for a single hold, "work" for timed work.
 * The countdown is the phase's remaining time; rep counts 1..reps during the work.
 */
export function phaseAt(item, position) {
  const offset = Math.min(Math.max(position - item.start, 0), item.seconds);
  const result = (phase, elapsed, length, extra = {}) => ({
    phase,
    phaseElapsed: elapsed,
    phaseLength: length,
    phaseRemaining: Math.max(0, length - elapsed),
    itemRemaining: item.seconds - offset,
    rep: null,
    reps: item.reps,
    lastRep: false,
    ...extra,
  });
  if (offset < item.lead) return result("ready", offset, item.lead);

  const work = offset - item.lead;
  const workLength = item.seconds - item.lead;
  if (item.rest) return result("rest", work, workLength);
  if (!item.reps || !item.repSeconds) return result(item.hold ? "hold" : "work", work, workLength);

  const rep = Math.min(item.reps, Math.floor(work / item.repSeconds) + 1);
  const repStart = (rep - 1) * item.repSeconds;
  // The last repetition ends with the item, whatever rounding the figures hold.
  const repLength = rep === item.reps ? workLength - repStart : item.repSeconds;
  const inRep = work - repStart;
  const extra = { rep, lastRep: rep === item.reps };
  if (!item.release) return result("move", inRep, repLength, extra);
  const holdLength = Math.max(0, repLength - item.release);
  return inRep < holdLength
    ? result("hold", inRep, holdLength, extra)
    : result("release", inRep - holdLength, repLength - holdLength, extra);
}

/**
 * The breathing pacer: in for half a cycle, out for the other half, during holds, rests and work.
 * fraction is 0 with empty lungs and 1 with full ones (the pacer's size).
 */
export function breathAt(timeline, item, p) {
  if (!timeline.breathSeconds || !item.cue || p.phase === "ready" || p.phase === "release") return { breath: null, fraction: 0 };
  const inCycle = p.phaseElapsed % timeline.breathSeconds;
  const half = timeline.breathSeconds / 2;
  return inCycle < half
    ? { breath: "in", fraction: inCycle / half }
    : { breath: "out", fraction: 1 - (inCycle - half) / half };
}

/** The one instruction for the phase: getting into position, the hold, the release or the movement. */
export function instructionFor(item, phase) {
  const cues = item.cues;
  switch (phase) {
    case "ready": return cues.ready ?? "";
    case "rest": return cues.hold ?? item.cue ?? "";
    case "hold": return cues.hold ?? cues.move ?? "";
    case "release": return cues.release ?? "";
    default: return cues.move ?? cues.hold ?? "";
  }
}

/** The moments a person is told about, as cue names: what changed between two phases of play. */
export function cueBetween(before, after, item, previousItem) {
  if (!after) return null;
  const switching = previousItem && previousItem.slug === item.slug && previousItem.side === "left" && item.side === "right";
  if (!before || before.itemIndex !== after.itemIndex) return switching ? "switch" : "item";
  if (before.phase === after.phase && before.rep === after.rep) return null;
  if (after.phase === "hold" || after.phase === "move") return after.lastRep && after.rep > 1 ? "last" : after.phase === "hold" ? "hold" : "rep";
  if (after.phase === "release") return "release";
  if (after.phase === "work") return "go";
  if (after.phase === "rest") return "rest";
  return null;
}

/** Where "skip" goes: the next item's start, or the end of the session after the last one. */
export function skipTarget(timeline, position) {
  const index = itemIndexAt(timeline, position);
  return index + 1 < timeline.items.length ? timeline.items[index + 1].start : timeline.total;
}

/** Where "back" goes: the current item's start when more than 3 s into it, otherwise the previous item's start. */
export function backTarget(timeline, position) {
  const index = Math.min(itemIndexAt(timeline, position), timeline.items.length - 1);
  if (index < 0) return 0;
  const current = timeline.items[index];
  if (position - current.start > BACK_RESTARTS_AFTER || index === 0) return current.start;
  return timeline.items[index - 1].start;
}

/** Where "restart" goes: the current item's start. */
export function restartTarget(timeline, position) {
  const index = Math.min(itemIndexAt(timeline, position), timeline.items.length - 1);
  return index < 0 ? 0 : timeline.items[index].start;
}

/**
 * What was done at the end: exercise items finished before endPosition and not skipped.
 * Everything else (skipped, or not reached because the session ended early) is listed as skipped.
 */
export function summarize(timeline, skipped, endPosition) {
  const skippedSet = new Set(skipped);
  const exercises = timeline.items.filter((i) => !i.rest);
  const done = exercises.filter((i) => i.end <= endPosition + 1e-6 && !skippedSet.has(i.index));
  const missed = exercises.filter((i) => !done.includes(i));
  return { done: done.length, total: exercises.length, skipped: missed };
}

/** m:ss, rounding up so a countdown shows 0:01 until the very end. */
export function formatTime(seconds, round = Math.ceil) {
  const whole = Math.max(0, round(seconds - 1e-9));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${rest < 10 ? "0" : ""}${rest}`;
}

/**
 * The session's clock. The position is always computed from a monotonic clock against an anchor,
 * never by counting ticks, so frames and timers can be late without the time drifting.
 * A wall-clock anchor is kept beside it because the monotonic clock may stand still while a device sleeps.
 */
export class SessionClock {
  constructor({ now = () => performance.now(), wall = () => Date.now(), total = Infinity, tolerance = 250 } = {}) {
    this.now = now;
    this.wall = wall;
    this.total = total;
    this.tolerance = tolerance;
    this.startedAt = null;
    this._base = 0;
    this._paused = true;
    this._anchor(0);
  }

  _anchor(position) {
    this._base = Math.min(Math.max(position, 0), this.total);
    this._mono = this.now();
    this._wall = this.wall();
  }

  get paused() {
    return this._paused;
  }

  get started() {
    return this.startedAt !== null;
  }

  get position() {
    if (this._paused) return this._base;
    return Math.min(this.total, this._base + (this.now() - this._mono) / 1000);
  }

  start(position = 0) {
    this.startedAt = this.wall();
    this._anchor(position);
    this._paused = false;
  }

  pause() {
    if (this._paused) return;
    this._anchor(this.position);
    this._paused = true;
  }

  resume() {
    if (!this._paused) return;
    if (this.startedAt === null) this.startedAt = this.wall();
    this._anchor(this._base);
    this._paused = false;
  }

  seek(position) {
    this._anchor(position);
  }

  /** After a sleep: if the wall clock moved further than the monotonic one, move forward by the difference. Returns the seconds added. */
  catchUp() {
    if (this._paused) return 0;
    const lost = (this.wall() - this._wall) - (this.now() - this._mono);
    const position = this.position;
    if (lost <= this.tolerance) {
      this._anchor(position);
      return 0;
    }
    const before = position;
    this._anchor(position + lost / 1000);
    return this._base - before;
  }

  toJSON() {
    return { position: this.position, paused: this._paused, startedAt: this.startedAt, savedAt: this.wall() };
  }

  /** Restores a saved clock, always paused: the person chooses to resume. */
  restore(saved) {
    this.startedAt = saved?.startedAt ?? null;
    this._paused = true;
    this._anchor(Number(saved?.position) || 0);
    return this;
  }
}
