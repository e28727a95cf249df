// What the player asks of the device: remembered settings and progress, a screen kept awake,
// and full screen. Each fails quietly: a session plays on without them.

// Private mode or a full storage must not stop the player: it just forgets.
export const store = {
  get(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value); } catch { /* forget */ }
  },
};

/** Keeps the screen on while wanted; the browser drops the lock when the page hides, so it is taken again on return. */
export class ScreenLock {
  constructor(wanted) {
    this._wanted = wanted;
    this._lock = null;
    this._pending = false;
  }

  async acquire() {
    if (!navigator.wakeLock || document.hidden || this._lock || this._pending) return;
    this._pending = true;
    try {
      const lock = await navigator.wakeLock.request("screen");
      if (!this._wanted()) {
        lock.release().catch(() => {});
        return;
      }
      this._lock = lock;
      lock.addEventListener("release", () => {
        if (this._lock === lock) this._lock = null;
      });
    } catch { /* refused (battery saver, no permission): the screen may dim */ } finally {
      this._pending = false;
    }
  }

  release() {
    const lock = this._lock;
    this._lock = null;
    lock?.release().catch(() => {});
  }
}

export const fullscreen = {
  get available() {
    return !!(document.fullscreenEnabled || document.webkitFullscreenEnabled);
  },
  get active() {
    return !!(document.fullscreenElement || document.webkitFullscreenElement);
  },
  toggle(element) {
    const call = this.active
      ? (document.exitFullscreen || document.webkitExitFullscreen)?.call(document)
      : (element.requestFullscreen || element.webkitRequestFullscreen)?.call(element);
    call?.catch?.(() => {});
  },
};
