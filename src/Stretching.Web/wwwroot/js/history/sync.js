// Every page: sends the sessions played in this browser to the account they belong to, at load and
// whenever the network comes back (the service worker does the same on a Background Sync). On Home and
// My progress, a signed-in person is also told about sessions kept here (notices.js, loaded there only).
import "/js/history/outbox.js";

const outbox = globalThis.StretchingOutbox;
// Whose page this is: a digest of the account id, empty without an account (see LocalHistoryScript.razor).
const owner = document.querySelector("meta[name=stretching-owner]")?.content || null;

let running = null;

/** One send at a time from this page; a call while one runs waits for it and then runs again. */
export function sendNow() {
  const next = (running ?? Promise.resolve()).then(async () => {
    // The service worker has no page to read the owner from: it sends what this tells it, for the person last seen.
    try { await outbox.store.setMeta("owner", owner); } catch { /* no storage: nothing to send either */ }
    const result = await outbox.send(owner);
    if (owner && result.waiting && result.stopped !== "signed-out") outbox.later();
    return result;
  });
  running = next.catch(() => {});
  return next;
}

const first = sendNow();
window.addEventListener("online", () => sendNow());

const panel = document.querySelector("[data-local-history]");
if (panel && owner) {
  first.then(async (result) => {
    const { showNotices } = await import("/js/history/notices.js");
    await showNotices(panel, { owner, result, sendNow });
  }).catch(() => {});
}
