// The session player's arithmetic, kept free of the DOM so node can test it.
// Positions are seconds from the start of the session; the server's timeline is the truth.

export const LEAD_SECONDS = 5;
export const MOVEMENT_SECONDS_PER_REP = 3;
export const SECONDS_PER_DYNAMIC_REP = 4;
export const BREATH_SECONDS = 6;
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
        reps: raw.reps ?? null,
        hold: raw.holdSeconds ?? null,
        side: raw.side ?? null,
        cue: raw.cue ?? null,
        position: info.position ?? "",
        steps: info.steps ?? [],
      });
    }
    if (items.length > first) {
      blocks.push({ kind: block.kind, start: items[first].start, end: items[items.length - 1].end });
    }
  }
  const end = items.length ? items[items.length - 1].end : 0;
  return { title: data.title ?? "", total: Math.max(session.totalSeconds ?? 0, end), items, blocks };
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

export function leadSeconds(item) {
  return Math.min(LEAD_SECONDS, item.seconds);
}

export function secondsPerRep(item) {
  return item.hold ? item.hold + MOVEMENT_SECONDS_PER_REP : SECONDS_PER_DYNAMIC_REP;
}

/**
 * What the item asks for at a position. A rest is one "rest" phase from its start to its end;
 * an exercise has its lead ("ready") and then its work.
 */
export function phaseAt(item, position) {
  const offset = Math.min(Math.max(position - item.start, 0), item.seconds);
  const lead = item.rest ? 0 : leadSeconds(item);
  const inLead = offset < lead;
  const phase = item.rest ? "rest" : inLead ? "ready" : "work";
  const phaseLength = inLead ? lead : item.seconds - lead;
  const phaseElapsed = inLead ? offset : offset - lead;
  const result = {
    phase,
    phaseElapsed,
    phaseLength,
    phaseRemaining: phaseLength - phaseElapsed,
    itemRemaining: item.seconds - offset,
    rep: null,
    reps: item.reps,
    breath: null,
    breathFraction: 0,
    step: item.steps.length ? 0 : -1,
  };
  if (inLead) {
    if (item.reps) result.rep = 0;
    return result;
  }
  if (item.reps) {
    result.rep = Math.min(item.reps, Math.floor(phaseElapsed / secondsPerRep(item)) + 1);
  }
  if (item.cue) {
    const inCycle = phaseElapsed % BREATH_SECONDS;
    const half = BREATH_SECONDS / 2;
    result.breath = inCycle < half ? "in" : "out";
    // 0 = empty lungs, 1 = full: the pacer's size.
    result.breathFraction = inCycle < half ? inCycle / half : 1 - (inCycle - half) / half;
  }
  if (item.steps.length && phaseLength > 0) {
    result.step = Math.min(item.steps.length - 1, Math.floor((phaseElapsed / phaseLength) * item.steps.length));
  }
  return result;
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
