// What Home and My progress say about sessions kept in this browser, to the person signed in:
// sessions played here without an account, added to theirs only if they say so (a shared tablet must
// not hand one person's sessions to another), theirs still waiting to be sent, and any the server
// would not take, with a way to keep a copy.
import "/js/history/outbox.js";

const outbox = globalThis.StretchingOutbox;

const declinedKey = (owner) => `stretching.history.declined:${owner}`;

function declined(owner) {
  try { return new Set(JSON.parse(localStorage.getItem(declinedKey(owner)) ?? "[]")); } catch { return new Set(); }
}

function decline(owner, ids) {
  try { localStorage.setItem(declinedKey(owner), JSON.stringify([...declined(owner), ...ids])); } catch { /* asked again next time */ }
}

const make = (tag, className, text) => Object.assign(document.createElement(tag), className ? { className } : {}, text ? { textContent: text } : {});

function button(text, className) {
  const b = make("button", `btn ${className}`, text);
  b.type = "button";
  return b;
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function when(body) {
  const date = new Date(body?.startedAt ?? NaN);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function sessionList(entries, extra = () => []) {
  const list = make("ul", "local-history-list");
  for (const entry of entries) {
    const item = make("li");
    item.append(make("strong", "", entry.title || "A session"), ` · ${when(entry.body)}`, ...extra(entry));
    list.append(item);
  }
  return list;
}

export async function showNotices(panel, { owner, result, sendNow }) {
  // Below the page's own heading where it has one (My progress), at the top otherwise (Home, like Today).
  panel.parentElement?.querySelector(":scope > header.page-intro")?.after(panel);
  const render = async (message = null) => {
    const [entries, rejected, held] = await Promise.all([outbox.store.all(), outbox.store.rejected(), outbox.heldNames()]);
    const skip = declined(owner);
    const offer = outbox.unowned(entries, { held }).filter((e) => !skip.has(e.id));
    const waiting = entries.filter((e) => e.owner === owner);
    const refused = rejected.filter((e) => e.owner === owner);
    panel.replaceChildren();

    if (message) panel.append(message);

    if (offer.length) {
      const box = make("div", "alert alert-info local-history-offer");
      const heading = make("h2", "h5", "Sessions played on this device");
      box.append(
        heading,
        make("p", "", `${plural(offer.length, "session was", "sessions were")} played on this device without signing in. Add ${offer.length === 1 ? "it" : "them"} to your history? Only do this if ${offer.length === 1 ? "it is" : "they are"} yours.`),
        sessionList(offer));
      const add = button(offer.length === 1 ? "Add it to my history" : "Add them to my history", "btn-primary");
      const later = button("Not now", "btn-quiet");
      add.addEventListener("click", async () => {
        add.disabled = later.disabled = true;
        const ids = offer.map((e) => e.id);
        await outbox.store.adopt(ids, owner);
        const sent = await sendNow();
        const added = ids.filter((id) => sent.sent.includes(id)).length;
        const refused = ids.filter((id) => sent.rejected.includes(id)).length;
        const waiting = ids.length - added - refused;
        const note = make("p", "alert alert-info local-history-done");
        note.setAttribute("role", "status");
        if (added) {
          note.append(`Added ${plural(added, "session", "sessions")} to your history. `, Object.assign(make("a", "alert-link", added === 1 ? "See it in My progress" : "See them in My progress"), { href: "history" }), " ");
        }
        if (waiting) note.append(`${plural(waiting, "session goes", "sessions go")} to your history as soon as you are back online. `);
        if (refused) note.append(`${plural(refused, "session", "sessions")} could not be added: see below.`);
        await render(note);
      });
      later.addEventListener("click", async () => {
        decline(owner, offer.map((e) => e.id));
        await render();
      });
      const actions = make("p", "local-history-actions mb-0");
      actions.append(add, " ", later);
      box.append(actions);
      panel.append(box);
    }

    if (waiting.length && result.stopped !== null) {
      const box = make("div", "alert alert-info local-history-waiting");
      box.append(make("p", "mb-0", `${plural(waiting.length, "session", "sessions")} from this device ${waiting.length === 1 ? "is" : "are"} waiting to go to your history. ${waiting.length === 1 ? "It goes" : "They go"} as soon as you are back online.`));
      panel.append(box);
    }

    if (refused.length) {
      const box = make("div", "alert alert-warning local-history-rejected");
      const heading = make("h2", "h5", refused.length === 1 ? "A session could not be added" : `${refused.length} sessions could not be added`);
      box.append(heading, make("p", "", "Your history did not take these sessions from this device. Download a copy to keep it, or remove it from this device."));
      box.append(sessionList(refused, (entry) => {
        const why = make("span", "d-block", outbox.problemText(entry.why?.problem));
        const download = make("a", "btn btn-secondary btn-sm", "Download a copy");
        download.href = URL.createObjectURL(new Blob([JSON.stringify({ version: 1, records: [entry.body] }, null, 2)], { type: "application/json" }));
        download.download = `stretching-session-${entry.body?.startedAt?.slice(0, 10) ?? entry.id}.json`;
        const remove = button("Remove from this device", "btn-quiet btn-sm");
        remove.addEventListener("click", async () => {
          await outbox.store.forget(entry.id);
          await render();
        });
        const actions = make("span", "local-history-actions d-block");
        actions.append(download, " ", remove);
        return [why, actions];
      }));
      panel.append(box);
    }

    panel.hidden = panel.childElementCount === 0;
  };
  await render();
}
