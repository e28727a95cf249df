// What the player says and sounds at each change of the body's task: one distinct short sound per
// kind of moment, an optional voice, and a short vibration where the device has one.

// Each moment has its own shape of tones (frequency in Hz, length and delay in seconds), so it can
// be told apart with the eyes closed.
export const SOUNDS = {
  item: [[880, 0.09, 0], [880, 0.09, 0.14]],
  count: [[660, 0.12, 0]],
  hold: [[1175, 0.35, 0]],
  go: [[1175, 0.35, 0]],
  rep: [[990, 0.06, 0]],
  release: [[988, 0.12, 0], [740, 0.22, 0.13]],
  switch: [[660, 0.1, 0], [880, 0.1, 0.12], [1175, 0.18, 0.24]],
  last: [[1319, 0.1, 0], [1319, 0.1, 0.14], [1568, 0.25, 0.28]],
  rest: [[523, 0.4, 0]],
  finish: [[880, 0.2, 0], [1320, 0.4, 0.22]],
};

const VIBRATION = { item: 80, switch: [60, 60, 60], hold: 150, go: 150, last: [80, 60, 160] };

/** Plays sounds and speaks through Web Audio and speech synthesis, honouring the mute and voice settings. */
export class CuePlayer {
  constructor(settings) {
    this.settings = settings;
    this._audio = null;
    this._spoke = false;
  }

  /** Browsers allow sound only after a tap: call this from one. */
  unlock() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!this._audio && Context) {
      try { this._audio = new Context(); } catch { this._audio = null; }
    }
    this._audio?.resume?.().catch(() => {});
    if (window.speechSynthesis && !this._spoke) {
      this._spoke = true;
      const silent = new SpeechSynthesisUtterance(" ");
      silent.volume = 0;
      speechSynthesis.speak(silent);
    }
  }

  /** Sound, vibration and (when given) words for one moment. */
  cue(name, words = null) {
    for (const [frequency, seconds, delay] of SOUNDS[name] ?? []) this._tone(frequency, seconds, delay);
    if (VIBRATION[name]) this._vibrate(VIBRATION[name]);
    if (words) this.say(words);
  }

  say(text) {
    if (this.settings.muted || !this.settings.voice || !window.speechSynthesis) return;
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    speechSynthesis.speak(utterance);
  }

  silence() {
    if (this._spoke) window.speechSynthesis?.cancel();
  }

  wake() {
    if (this._audio?.state === "suspended") this._audio.resume().catch(() => {});
  }

  close() {
    this.silence();
    this._audio?.close().catch(() => {});
    this._audio = null;
  }

  _tone(frequency, seconds, delay) {
    const ctx = this._audio;
    if (this.settings.muted || !ctx || ctx.state === "closed") return;
    const start = ctx.currentTime + delay;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.35, start + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + seconds + 0.02);
  }

  _vibrate(pattern) {
    try { navigator.vibrate?.(pattern); } catch { /* not allowed here */ }
  }
}
