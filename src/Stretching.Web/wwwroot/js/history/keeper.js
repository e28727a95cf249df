// Keeps the record of the session just finished: written to the outbox at once, as a draft the finish
// screen's answers update, then saved (by Save, Play again or leaving the page) and only then sent.
// Every step runs in order, so an answer given while the record is still being written is not lost.
import "/js/history/outbox.js";
import { answers } from "/js/history/record.js";

const outbox = globalThis.StretchingOutbox;

export class RecordKeeper {
  /** record: the body to send; owner: the page's owner hint, or null without an account. */
  constructor(record, { owner, title }) {
    this.record = record;
    this.owner = owner || null;
    this.title = title;
    this.saved = false;
    this.local = false;
    this._release = () => {};
    this._queue = this._open();
  }

  /** Holds the draft's lock first, so no other page of this browser takes it for left, then writes it. */
  async _open() {
    try {
      this._release = await outbox.hold(this.record.id);
      await outbox.store.put({ id: this.record.id, owner: this.owner, state: "draft", title: this.title, body: this.record });
      this.local = true;
    } catch {
      this._release();
      this.local = false; // No storage here: the record lives in the page until Save sends it.
    }
  }

  _then(step) {
    this._queue = this._queue.then(step, step);
    return this._queue;
  }

  /** The finish screen's answers so far, into the draft. */
  change(values) {
    if (this.saved) return this._queue;
    Object.assign(this.record, answers(values));
    return this._then(() => this._write("draft"));
  }

  async _write(state) {
    if (!this.local) return;
    const body = this.record;
    try {
      await outbox.store.update(body.id, (e) => (e.state === "draft" ? { ...e, state, body } : null));
    } catch { /* the draft as last written stays, and goes as it is */ }
  }

  /**
   * Saves with the last answers, lets go of the draft and sends what may go. Resolves with what
   * happened, for the finish screen: "sent", "rejected" (with the server's words), "waiting" (kept
   * on this device until the network or a sign-in comes back), "device" (no account: kept here),
   * or "lost" (this browser keeps nothing and it could not be sent).
   */
  save(values) {
    if (!this.saved) {
      this.saved = true;
      Object.assign(this.record, answers(values));
      this._then(() => this._write("ready"));
      this._then(() => this._release());
    }
    return this._then(() => this._send());
  }

  async _send() {
    if (!this.owner) return { kind: this.local ? "device" : "lost" };
    if (!this.local) return this._sendDirectly();
    const result = await outbox.send(this.owner);
    if (result.sent.includes(this.record.id)) return { kind: "sent" };
    if (result.rejected.includes(this.record.id)) {
      const entry = (await outbox.store.rejected().catch(() => [])).find((e) => e.id === this.record.id);
      return { kind: "rejected", text: outbox.problemText(entry?.why?.problem) };
    }
    outbox.later();
    return { kind: "waiting", why: result.stopped };
  }

  async _sendDirectly() {
    try {
      const response = await outbox.post(this.record, this.owner);
      const outcome = outbox.sendOutcome(response.status);
      if (outcome === "sent") return { kind: "sent" };
      if (outcome === "rejected") return { kind: "rejected", text: outbox.problemText(await response.json().catch(() => null)) };
    } catch { /* offline */ }
    return { kind: "lost" };
  }

  /** The page is going away: what was answered is saved as it is, and the service worker may send it. */
  leave() {
    if (this.saved) return;
    this.saved = true;
    this._then(() => this._write("ready"));
    this._then(() => {
      this._release();
      if (this.owner && this.local) outbox.later();
    });
  }
}
