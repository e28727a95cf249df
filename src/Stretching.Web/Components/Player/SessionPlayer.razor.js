// <session-player>: plays the server's timeline in the browser, so a dropped connection never stops a session.
// This module is the view and its state; the arithmetic, the cues and the device live beside it in /js/player.
import {
  SessionClock, backTarget, blockBoundaries, breathAt, buildTimeline, cueBetween, formatTime, instructionFor,
  itemIndexAt, phaseAt, restartTarget, skipTarget, summarize,
} from "/js/player/timing.js";
import { CuePlayer } from "/js/player/cues.js";
import { FigureView, poseAt } from "/js/player/figure.js";
import { ScreenLock, fullscreen, store } from "/js/player/device.js";
import { FINISH_FORM, FinishForm, PAIN_BEFORE, painBefore, setPainBefore } from "/js/player/checkin.js";
import { ItemTally, PauseLog, buildRecord, markable, newId, recordItems, worthKeeping } from "/js/history/record.js";
import { RecordKeeper } from "/js/history/keeper.js";

const SETTING_KEYS = {
  muted: "stretching.player.muted",
  voice: "stretching.player.voice",
  pauseWhenHidden: "stretching.player.pauseWhenHidden",
};
const BLOCK_NAMES = { "warm-up": "Warm-up", main: "Main set", "cool-down": "Cool-down" };
const PHASE_TEXT = { ready: "Get into position", rest: "Rest", hold: "Hold", release: "Release", move: "Move", work: "Keep going" };

const FILL = "fill='currentColor'";
const LINE = "fill='none' stroke='currentColor' stroke-width='2.2' stroke-linecap='round' stroke-linejoin='round'";
const ICONS = {
  back: `<path ${FILL} d='M18 5l-9 7 9 7zM6 5h2.5v14H6z'/>`,
  restart: `<path ${LINE} d='M5 12a7 7 0 1 0 2.1-5M5 4v4h4'/>`,
  pause: `<path ${FILL} d='M6 5h4v14H6zM14 5h4v14h-4z'/>`,
  play: `<path ${FILL} d='M7 4.5v15L19.5 12z'/>`,
  skip: `<path ${FILL} d='M6 5l9 7-9 7zM15.5 5H18v14h-2.5z'/>`,
  end: `<rect ${FILL} x='6' y='6' width='12' height='12' rx='1.5'/>`,
  sound: `<path ${FILL} d='M3 9.5v5h4l5 4v-13l-5 4z'/><path class='icon-on' ${LINE} d='M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11'/><path class='icon-off' ${LINE} d='M16 9.5l5 5M21 9.5l-5 5'/>`,
  voice: `<path ${FILL} d='M4 5h16v11h-9l-5 4v-4H4z'/><path class='icon-off' ${LINE} d='M3 3l18 18'/>`,
  fullscreen: `<path ${LINE} d='M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5'/>`,
  close: `<path ${LINE} d='M6 6l12 12M18 6L6 18'/>`,
};
const icon = (name) => `<svg viewBox='0 0 24 24' aria-hidden='true' focusable='false'>${ICONS[name]}</svg>`;
const button = (action, label, name, extra = "") =>
  `<button type="button" data-action="${action}" ${extra}>${name ? icon(name) : ""}<span>${label}</span></button>`;

const TEMPLATE = `
<header class="player-top">
  <a class="player-close" aria-label="Close the player">${icon("close")}<span>Close</span></a>
  <h1 class="player-title"></h1>
  <div class="player-toggles">
    ${button("mute", "Mute", "sound", 'aria-pressed="false"')}
    ${button("voice", "Voice", "voice", 'aria-pressed="true"')}
    ${button("fullscreen", "Full screen", "fullscreen", 'aria-pressed="false"')}
  </div>
</header>
<section class="player-intro">
  <p class="player-summary"></p>
  <p class="player-first"></p>
  <div class="player-first-figure" aria-hidden="true" hidden></div>
  <ul class="player-warnings"></ul>
  ${PAIN_BEFORE}
  <div class="player-resume-offer" hidden>
    <p>You stopped part-way last time.</p>
    <div class="player-row">
      ${button("resume-saved", "Resume", "play")}
      ${button("start-over", "Start over", "restart")}
    </div>
  </div>
  ${button("start", "Start", "play", 'class="player-start"')}
  <p class="player-hint">Start turns on the sounds. Keys: Space pause, → skip, ← back, R restart, Esc end.</p>
</section>
<section class="player-stage" hidden>
  <div class="player-clock">
    <p class="player-phase"></p>
    <button type="button" class="player-timer"><span class="player-time"></span><span class="player-timer-action"> Pause</span></button>
    <p class="player-paused" hidden>Paused</p>
    <div class="player-meta">
      <p class="player-reps"></p>
      <p class="player-breath-box"><span class="player-pacer" aria-hidden="true"></span><span class="player-breath"></span></p>
    </div>
    <p class="player-step"></p>
  </div>
  <div class="player-text">
    <p class="player-name"></p>
    <p class="player-side"></p>
    <div class="player-figure" role="img" hidden></div>
    <p class="player-item-left"></p>
  </div>
</section>
<section class="player-finish" hidden>
  <div class="finish-summary">
    <h2 class="finish-title" tabindex="-1"></h2>
    <p class="finish-done"></p>
    <p class="finish-time"></p>
    <div class="finish-skipped"></div>
  </div>
  ${FINISH_FORM}
  <div class="player-row">
    <a class="finish-back">Back to the session</a>
    ${button("again", "Play again", "restart")}
  </div>
</section>
<footer class="player-bottom">
  <div class="player-progress" role="progressbar" aria-label="Session progress" aria-valuemin="0"></div>
  <ul class="player-legend"></ul>
  <p class="player-status"><span class="player-next-figure" aria-hidden="true" hidden></span><span class="player-next"></span><span class="player-time-left"></span></p>
  <div class="player-controls" hidden>
    ${button("back", "Back", "back")}
    ${button("restart", "Restart", "restart")}
    ${button("pause", "Pause", "pause", 'class="player-main"')}
    ${button("resume", "Resume", "play", 'class="player-main" hidden')}
    ${button("skip", "Skip", "skip")}
    ${button("end", "End", "end")}
  </div>
  <div class="player-confirm" role="alertdialog" aria-label="End the session?" hidden>
    <p>End the session? Press Esc again or tap End now.</p>
    <div class="player-row">
      ${button("confirm-end", "End now", "end")}
      ${button("cancel-end", "Keep going", "play")}
    </div>
  </div>
  <label class="player-setting"><input type="checkbox" name="pauseWhenHidden"> Pause when the screen is hidden</label>
</footer>
<p class="player-live" aria-live="polite"></p>`;

const sideText = (item) => (item.side ? `${item.side === "left" ? "Left" : "Right"} side` : "");
const capital = (text) => (text ? text[0].toUpperCase() + text.slice(1) : "");
const itemLabel = (item) => item.name + (item.side ? `, ${item.side} side` : "");
const phaseLabel = (item, phase) => (phase === "hold" && item.asLongAsYouCan ? "Hold as long as you can" : PHASE_TEXT[phase]);
const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });

class SessionPlayer extends HTMLElement {
  connectedCallback() {
    if (this._abort) return;
    let data;
    try {
      data = JSON.parse(this.querySelector("script.player-data")?.textContent ?? "");
    } catch {
      return; // Bad or missing data: the printable fallback stays.
    }
    this.timeline = buildTimeline(data);
    if (!this.timeline.items.length) return;
    this._warnings = data.session?.warnings ?? [];
    // What the record names and keeps: the source the server named, and the session exactly as played.
    this._source = data.source ?? null;
    this._snapshot = data.session ?? data;
    this._owner = document.querySelector("meta[name=stretching-owner]")?.content || null;
    this._tally = new ItemTally(this.timeline);
    this._pauses = new PauseLog();
    this._last = 0;
    this._keeper = null;
    this._painBefore = null;
    this._abort = new AbortController();
    this.key = this.dataset.sessionKey || `stretching.player:${location.pathname}${location.search}`;
    this.clock = new SessionClock({ total: this.timeline.total });
    this.skipped = new Set();
    this.settings = {
      muted: store.get(SETTING_KEYS.muted) === "true",
      voice: store.get(SETTING_KEYS.voice) !== "false",
      pauseWhenHidden: store.get(SETTING_KEYS.pauseWhenHidden) === "true",
    };
    this.cues = new CuePlayer(this.settings);
    this.screen = new ScreenLock(() => this.state === "playing" && !!this._abort);
    this._index = -1;
    this._moment = null;
    this._said = new Set();
    this._reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
    this._build();
    this._listen();
    this._offerSaved();
    this._setState("ready");
    this._tick();
  }

  disconnectedCallback() {
    if (!this._abort) return;
    this._save();
    this._keeper?.leave();
    this._abort.abort();
    this._abort = null;
    cancelAnimationFrame(this._frameId);
    clearTimeout(this._timerId);
    clearTimeout(this._confirmId);
    this._frameId = 0;
    this.screen.release();
    this.cues.close();
    this._root.remove();
    if (this._fallback) this._fallback.hidden = false;
  }

  _build() {
    const tl = this.timeline;
    this._fallback = this.querySelector(".player-fallback");
    if (this._fallback) this._fallback.hidden = true;
    const root = document.createElement("div");
    root.className = "player";
    root.innerHTML = TEMPLATE;
    this._root = root;
    const $ = (selector) => root.querySelector(selector);
    this.$ = $;
    this._el = {};
    for (const name of ["phase", "name", "side", "step", "item-left", "reps", "breath", "timer", "time", "timer-action", "progress", "time-left", "next", "live", "paused", "pacer", "figure"]) {
      this._el[name] = $(`.player-${name}`);
    }
    $(".player-title").textContent = tl.title;
    const exercises = tl.items.filter((i) => !i.rest).length;
    $(".player-summary").textContent = `${formatTime(tl.total)} in all · ${exercises} exercises`;
    const first = tl.items[0];
    $(".player-first").textContent = `First: ${first.name}${first.position ? ` · ${capital(first.position)}` : ""}`;
    // The figures: the exercise playing, large and moving; the one to get into next, small; the first one before the start.
    const scenes = this.querySelector("template.player-figure-scenes");
    this._figure = new FigureView(this._el.figure, scenes);
    this._nextFigure = new FigureView($(".player-next-figure"), scenes);
    const firstFigure = new FigureView($(".player-first-figure"), scenes);
    firstFigure.show(first.figure, first.side === "right");
    firstFigure.draw(0);
    const warnings = $(".player-warnings");
    for (const text of this._warnings) warnings.append(make("li", text));
    for (const link of [$(".finish-back"), $(".player-close")]) {
      if (this.dataset.backUrl) link.href = this.dataset.backUrl;
      else link.hidden = true;
    }

    const progress = this._el.progress;
    progress.setAttribute("aria-valuemax", String(tl.total));
    const legend = $(".player-legend");
    this._fills = blockBoundaries(tl).map((b) => {
      const block = document.createElement("div");
      block.className = "player-block";
      block.dataset.kind = b.kind;
      block.style.flexGrow = String(b.end - b.start);
      block.innerHTML = "<span class='player-block-bar'><i></i></span>";
      progress.append(block);
      // The names sit in their own row, so a short block never cuts its name short.
      const label = make("li", BLOCK_NAMES[b.kind] ?? b.kind);
      label.dataset.kind = b.kind;
      legend.append(label);
      return { ...b, fill: block.querySelector("i"), label };
    });

    this._finishForm = new FinishForm(root, {
      signInUrl: this.dataset.signInUrl,
      historyUrl: this.dataset.historyUrl,
      onChange: (values) => this._keeper?.change(values),
      onSave: (values) => this._saveRecord(values),
    });

    const setting = $("input[name=pauseWhenHidden]");
    setting.checked = this.settings.pauseWhenHidden;
    $("[data-action=fullscreen]").hidden = !fullscreen.available;
    this.append(root);
    this._showSettings();
  }

  _listen() {
    const signal = this._abort.signal;
    this._root.addEventListener("click", (e) => {
      const target = e.target.closest("button");
      if (!target) return;
      if (target.classList.contains("player-timer")) this._timerPressed();
      else if (target.dataset.action) this._act(target.dataset.action, target);
    }, { signal });
    this._root.addEventListener("change", (e) => {
      if (e.target.name === "painBefore") this._painBefore = painBefore(this._root);
      if (e.target.name !== "pauseWhenHidden") return;
      this.settings.pauseWhenHidden = e.target.checked;
      store.set(SETTING_KEYS.pauseWhenHidden, String(e.target.checked));
    }, { signal });
    document.addEventListener("keydown", (e) => this._key(e), { signal });
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) return this._wake();
      if (this.state === "playing" && this.settings.pauseWhenHidden) this._pause();
      this._save();
    }, { signal });
    window.addEventListener("pageshow", () => this._wake(), { signal });
    window.addEventListener("pagehide", () => {
      this._save();
      if (this._keeper && !this._keeper.saved) {
        this._keeper.leave();
        this._finishForm.saved({ kind: this._owner ? "waiting" : "device" });
      }
    }, { signal });
    for (const type of ["fullscreenchange", "webkitfullscreenchange"]) {
      document.addEventListener(type, () => this._showSettings(), { signal });
    }
  }

  _act(action, source) {
    const tl = this.timeline;
    const position = this.clock.position;
    switch (action) {
      case "again":
        // The record just finished is saved as it is; the new round asks nothing before it starts.
        this._keeper?.save(this._finishForm.values());
        this._painBefore = null;
        setPainBefore(this._root, null);
        return this._begin();
      case "start": case "start-over": return this._begin();
      case "resume-saved": return this._begin(this._saved);
      case "pause": case "resume": {
        const focused = source === document.activeElement;
        if (action === "pause") this._pause();
        else this._resume();
        if (focused) this.$(`[data-action=${action === "pause" ? "resume" : "pause"}]`).focus();
        return;
      }
      case "skip": return this._seek(skipTarget(tl, position), true);
      case "back": return this._seek(backTarget(tl, position));
      case "restart": return this._seek(restartTarget(tl, position));
      case "end": return this._askEnd();
      case "confirm-end": return this._finish();
      case "cancel-end": return this._confirm(false);
      case "mute": case "voice": return this._toggleSetting(action === "mute" ? "muted" : "voice");
      case "fullscreen": return fullscreen.toggle(this);
    }
  }

  get _active() {
    return this.state === "playing" || this.state === "paused";
  }

  _key(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !this._active) return;
    if (e.target.closest?.("input, select, textarea, [contenteditable]") && e.key !== "Escape") return;
    switch (e.key) {
      case " ": case "Spacebar": this._toggle(); break;
      case "ArrowRight": this._act("skip"); break;
      case "ArrowLeft": this._act("back"); break;
      case "Escape": this._askEnd(); break;
      case "r": case "R": this._act("restart"); break;
      default: return;
    }
    e.preventDefault();
  }

  _timerPressed() {
    if (this.state === "ready") this._begin(this._saved);
    else this._toggle();
  }

  _toggle() {
    if (this.state === "playing") this._pause();
    else if (this.state === "paused") this._resume();
  }

  // States

  _setState(state) {
    this.state = state;
    this.setAttribute("state", state);
    const active = this._active;
    const $ = this.$;
    $(".player-intro").hidden = state !== "ready";
    $(".player-stage").hidden = !active;
    $(".player-finish").hidden = state !== "finished";
    $(".player-controls").hidden = !active;
    $(".player-status").hidden = !active;
    $("[data-action=pause]").hidden = state !== "playing";
    $("[data-action=resume]").hidden = state !== "paused";
    $("[data-action=start]").hidden = state !== "ready" || !!this._saved;
    this._el.paused.hidden = state !== "paused";
    // The countdown is the button's visible text; the word says what pressing it does, for screen readers.
    this._el["timer-action"].textContent = ` ${state === "paused" ? "Resume" : state === "ready" ? "Start" : "Pause"}`;
    if (!active) this._confirm(false);
  }

  // Start fresh or from the saved progress; the tap also unlocks sound and voice.
  _begin(saved = null) {
    this.cues.unlock();
    this._saved = null;
    this.$(".player-resume-offer").hidden = true;
    this.skipped = new Set(saved?.skipped ?? []);
    if (saved) this.clock.restore(saved);
    else this.clock.start(0);
    this._tally = new ItemTally(this.timeline, saved?.spent ?? []);
    this._pauses = new PauseLog(saved?.pauses);
    this._last = this.clock.position;
    this._keeper = null;
    this._finishForm.hide();
    this._forceChange = true;
    this._run(true);
    this.$(".player-timer").focus();
  }

  _pause() {
    if (this.state === "playing") this._run(false);
  }

  _resume() {
    if (this.state === "paused") this._run(true);
  }

  _run(playing) {
    this._credit();
    if (playing) {
      this._pauses.resume(this.clock.wall());
      this.cues.unlock();
      this.clock.resume();
      this.screen.acquire();
    } else {
      if (!this.clock.paused) this._pauses.pause(this.clock.wall());
      this.clock.pause();
      this.screen.release();
    }
    this._setState(playing ? "playing" : "paused");
    this._save();
    this._tick();
  }

  _seek(position, skipping = false) {
    if (!this._active) return;
    const index = itemIndexAt(this.timeline, this.clock.position);
    if (skipping && index < this.timeline.items.length) this.skipped.add(index);
    this._credit();
    if (position >= this.timeline.total) return this._finish();
    this.clock.seek(position);
    this._last = position;
    this._forceChange = true;
    this._save();
    this._tick();
  }

  _askEnd() {
    if (!this._active) return;
    if (this._confirming) return this._finish();
    this._confirm(true);
  }

  _confirm(show) {
    this._confirming = show;
    clearTimeout(this._confirmId);
    const box = this.$(".player-confirm");
    box.hidden = !show;
    this.$("[data-action=end]").setAttribute("aria-expanded", String(show));
    if (show) {
      this.$("[data-action=confirm-end]").focus();
      this._confirmId = setTimeout(() => this._confirm(false), 8000);
    }
  }

  /** Credits the time the clock ran since the last look to the items it ran through. */
  _credit() {
    const position = this.clock.position;
    if (this.state === "playing") this._tally.credit(this._last, position);
    this._last = position;
  }

  _finish() {
    this._credit();
    const position = this.clock.position;
    const completed = position >= this.timeline.total;
    this.clock.pause();
    // Ran out on its own: whatever was playing until the end was done.
    if (completed) for (let i = Math.max(this._index, 0); i < this.timeline.items.length; i++) this.skipped.delete(i);
    const summary = summarize(this.timeline, this.skipped, position);
    const $ = this.$;
    $(".finish-title").textContent = completed ? "Well done" : "Session ended";
    $(".finish-done").textContent = `${summary.done} of ${summary.total} done`;
    const took = this.clock.startedAt === null ? 0 : (this.clock.wall() - this.clock.startedAt) / 1000;
    $(".finish-time").textContent = `Took ${formatTime(took, Math.round)}`;
    const skipped = $(".finish-skipped");
    skipped.replaceChildren();
    if (summary.skipped.length) {
      const list = document.createElement("ul");
      for (const item of summary.skipped) list.append(make("li", itemLabel(item)));
      skipped.append(make("h3", "Skipped"), list);
    } else {
      skipped.textContent = "Nothing skipped";
    }
    this._setState("finished");
    this.screen.release();
    store.set(this.key, null);
    this._keep(position);
    this._el.live.textContent = `${completed ? "Session complete" : "Session ended"}. ${summary.done} of ${summary.total} done.`;
    this.cues.cue("finish", completed ? "Session complete. Well done." : "Session ended.");
    this._tick();
    $(".finish-title").focus();
  }

  /**
   * Keeps the record of what was done, at once, before any question is answered: written to the outbox
   * as a draft the finish screen's answers then update. A few seconds and nothing done keeps nothing.
   */
  _keep(position) {
    const items = recordItems(this.timeline, this._tally.seconds, this.skipped, position);
    if (!this._source || !worthKeeping(this.timeline, items)) {
      this._finishForm.hide();
      return;
    }
    const record = buildRecord({
      id: newId(),
      source: this._source,
      snapshot: this._snapshot,
      startedAt: this.clock.startedAt,
      finishedAt: this.clock.wall(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      items,
      painBefore: this._painBefore,
      pauses: this._pauses.at(this.clock.wall()),
    });
    this._keeper = new RecordKeeper(record, { owner: this._owner, title: this.timeline.title });
    this._finishForm.show(markable(this.timeline, items), { signedIn: !!this._owner });
    this.dataset.recordId = record.id;
  }

  async _saveRecord(values) {
    const keeper = this._keeper;
    if (!keeper) return;
    this._finishForm.saving();
    const outcome = await keeper.save(values);
    if (keeper === this._keeper) this._finishForm.saved(outcome);
  }

  _offerSaved() {
    let saved = null;
    try { saved = JSON.parse(store.get(this.key)); } catch { /* ignore broken saves */ }
    if (!saved || !(saved.position >= 1) || saved.position >= this.timeline.total) return;
    this._saved = saved;
    this._painBefore = Number.isInteger(saved.painBefore) ? saved.painBefore : null;
    setPainBefore(this._root, this._painBefore);
    this.clock.restore(saved);
    this.$("[data-action=resume-saved] span").textContent = `Resume at ${formatTime(saved.position, Math.floor)}`;
    this.$(".player-resume-offer").hidden = false;
  }

  _save() {
    if (!this._active) return;
    this._credit();
    store.set(this.key, JSON.stringify({ ...this.clock.toJSON(), skipped: [...this.skipped], spent: this._tally.toJSON(), pauses: this._pauses.at(this.clock.wall()), painBefore: this._painBefore ?? null }));
  }

  _wake() {
    if (!this._abort) return;
    if (this.state === "playing") {
      this.clock.catchUp();
      this.screen.acquire();
      this.cues.wake();
    }
    this._tick();
  }

  // The loop: animation frames while visible, plus a timer armed for the next whole second of the
  // timeline (all boundaries fall on whole seconds), so changes and cues land on time even when frames stop.

  _tick = () => {
    if (!this._abort) return;
    clearTimeout(this._timerId);
    this._credit();
    const position = this.clock.position;
    if (this.state === "playing" && position >= this.timeline.total) return this._finish();
    this._render(position);
    if (this.state !== "playing") return;
    const second = Math.floor(position);
    if (second !== this._savedSecond) {
      this._savedSecond = second;
      this._save();
    }
    this._timerId = setTimeout(this._tick, (second + 1 - position) * 1000 + 5);
    if (!document.hidden && !this._frameId) this._frameId = requestAnimationFrame(this._frame);
  };

  _frame = () => {
    this._frameId = 0;
    this._tick();
  };

  _render(position) {
    const tl = this.timeline;
    const el = this._el;
    const index = Math.min(itemIndexAt(tl, position), tl.items.length - 1);
    const item = tl.items[index];
    const p = phaseAt(item, position);
    const changed = index !== this._index || this._forceChange;
    if (changed) this._changed(index);
    const set = (node, text) => {
      if (node.textContent !== text) node.textContent = text;
    };
    if (this.state !== "finished") this.setAttribute("phase", p.phase);
    set(el.phase, phaseLabel(item, p.phase));
    set(el.name, item.name);
    set(el.side, sideText(item));
    set(el.step, instructionFor(item, p.phase));
    set(el.reps, p.rep === null ? "" : `${p.rep} / ${p.reps}`);
    const { breath, fraction } = breathAt(tl, item, p);
    set(el.breath, breath === "in" ? "Breathe in" : breath === "out" ? "Breathe out" : "");
    if (el.pacer.hidden !== !breath) el.pacer.hidden = !breath;
    if (breath && !this._reducedMotion.matches) el.pacer.style.setProperty("--breath", fraction.toFixed(3));
    const clock = formatTime(p.phaseRemaining);
    if (el.time.textContent !== clock) {
      el.time.textContent = clock;
      el.timer.toggleAttribute("data-long", clock.length > 4);
    }
    set(el["item-left"], p.phase === "ready" || p.itemRemaining === p.phaseRemaining ? "" : `${formatTime(p.itemRemaining)} left of this exercise`);
    const elapsed = String(Math.floor(position));
    if (el.progress.getAttribute("aria-valuenow") !== elapsed) {
      el.progress.setAttribute("aria-valuenow", elapsed);
      el.progress.setAttribute("aria-valuetext", `${formatTime(position, Math.floor)} of ${formatTime(tl.total)}`);
    }
    for (const block of this._fills) {
      const fraction = Math.min(1, Math.max(0, (position - block.start) / (block.end - block.start)));
      block.fill.style.transform = `scaleX(${fraction.toFixed(4)})`;
      block.label.toggleAttribute("data-current", item.kind === block.kind);
    }
    set(el["time-left"], `${formatTime(tl.total - position)} left`);
    const next = tl.items[index + 1];
    this._figure.draw(poseAt(item.figure, item, p, this._reducedMotion.matches));
    set(el.next, next ? `Up next: ${itemLabel(next)}${next.position && next.slug !== item.slug ? ` · ${capital(next.position)}` : ""}` : "Last one");
    if (this.state === "playing") this._cue(index, item, p, next, changed);
  }

  _changed(index) {
    const tl = this.timeline;
    const previous = this._index;
    // Items the clock ran through on its own were done, even if they had been skipped before.
    if (!this._forceChange && previous >= 0) for (let i = previous; i < index; i++) this.skipped.delete(i);
    this._index = index;
    this._said.clear();
    const item = tl.items[index];
    const next = tl.items[index + 1];
    this._figure.show(item.figure, item.side === "right");
    this._el.figure.setAttribute("aria-label", `Figure: ${itemLabel(item)}`);
    this._nextFigure.show(next?.figure ?? null, next?.side === "right");
    this._nextFigure.draw(0);
    if (this.state === "playing" || (this.state === "paused" && this._forceChange)) {
      this._el.live.textContent = `Now: ${itemLabel(item)}${item.rest ? ", rest" : ""}`;
    }
    this._forceChange = false;
  }

  /**
   * Tells the person about each change of what the body does: a new exercise or side, each hold,
   * release and repetition, the last one, the rest. Moments reached late (after a sleep or a jump
   * into the middle of a phase) pass silently rather than cue something already gone.
   */
  _cue(index, item, p, next, changed) {
    const tl = this.timeline;
    const moment = { itemIndex: index, phase: p.phase, rep: p.rep, lastRep: p.lastRep };
    const before = changed ? null : this._moment;
    this._moment = moment;
    const kind = cueBetween(before, moment, item, tl.items[index - 1]);
    const fresh = p.phaseElapsed < 1 && (kind !== "item" && kind !== "switch" || this.clock.position - item.start <= 1);
    if (kind && fresh) this._announce(kind, item);

    const once = (key, action) => {
      if (this._said.has(key)) return;
      this._said.add(key);
      action();
    };
    if (p.phase === "ready" && p.phaseLength >= 3) {
      const count = Math.ceil(p.phaseRemaining - 1e-9);
      if (count >= 1 && count <= 3 && p.phaseRemaining > count - 0.5) once(`count${count}`, () => this.cues.cue("count"));
    }
    if (next && item.seconds >= 30 && p.itemRemaining <= 10 && p.itemRemaining > 9.5) {
      const switching = next.slug === item.slug && next.side === "right";
      once("next", () => this.cues.say(switching ? "Switch sides next" : `Next: ${itemLabel(next)}`));
    }
  }

  _announce(kind, item) {
    const words = {
      item: item.rest ? `Rest. ${item.name}` : itemLabel(item),
      switch: "Switch sides",
      hold: item.asLongAsYouCan ? "Hold as long as you can" : "Hold",
      release: "Release",
      last: item.release ? "Last one. Hold" : "Last one",
      go: "Go",
      rest: "Rest",
      rep: null,
    }[kind];
    this.cues.cue(kind, words);
  }

  _toggleSetting(name) {
    this.cues.unlock();
    this.settings[name] = !this.settings[name];
    store.set(SETTING_KEYS[name], String(this.settings[name]));
    if (this.settings.muted || !this.settings.voice) this.cues.silence();
    this._showSettings();
  }

  _showSettings() {
    const $ = this.$;
    $("[data-action=mute]").setAttribute("aria-pressed", String(this.settings.muted));
    $("[data-action=voice]").setAttribute("aria-pressed", String(this.settings.voice));
    $("[data-action=fullscreen]").setAttribute("aria-pressed", String(fullscreen.active));
  }
}

if (!customElements.get("session-player")) customElements.define("session-player", SessionPlayer);
