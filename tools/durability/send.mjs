// The sender for run.sh: signs a person up, then sends RECORDS history records four at a time,
// retrying each (with the same id) until the server acknowledges it, as the player does. At the end
// it reads the history back and fails unless every acknowledged id is there exactly once.
import { readdir, readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";

const base = process.env.BASE_URL;
const total = Number(process.env.RECORDS ?? 400);
const email = `durability-${Date.now()}@example.test`;
const password = "Stretch-2026!";
let cookie = "";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(path, options = {}) {
    for (;;) {
        try {
            const response = await fetch(base + path, { ...options, headers: { "content-type": "application/json", cookie, ...options.headers } });
            return response;
        } catch {
            await sleep(200); // the server is down: it is being killed and restarted
        }
    }
}

async function signIn() {
    const response = await call("/api/account/login?useCookies=true", { method: "POST", body: JSON.stringify({ email, password }) });
    if (!response.ok) throw new Error(`sign-in: ${response.status}`);
    cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

await call("/api/account/register", { method: "POST", body: JSON.stringify({ email, password }) });
let mail;
while (!mail) {
    const files = (await readdir(process.env.MAIL_DIR).catch(() => [])).filter((f) => f.endsWith(`-${email}.txt`));
    if (files.length) mail = await readFile(`${process.env.MAIL_DIR}/${files[0]}`, "utf8");
    else await sleep(100);
}
const confirm = new URL(mail.match(/https?:\/\/\S+/)[0]);
await call(confirm.pathname + confirm.search);
await signIn();

const routine = await (await call("/api/routines/dancer-complex")).json();
const items = routine.blocks.flatMap((b) => b.items).map((i) => ({ slug: i.slug, side: i.side, status: "done", seconds: i.seconds }));

const acknowledged = new Set();
let next = 0;
async function worker() {
    while (next < total) {
        const n = next++;
        const started = new Date(Date.UTC(2026, 9, 1) + n * 3600_000);
        const record = {
            id: randomUUID(), startedAt: started.toISOString(), finishedAt: new Date(started.getTime() + 1800_000).toISOString(),
            timeZone: "Europe/Berlin", source: { routine: "dancer-complex" }, items, painBefore: n % 11, painAfter: (n + 3) % 11, ease: 1 + (n % 5),
        };
        for (;;) {
            const response = await call("/api/me/history", { method: "POST", body: JSON.stringify(record) });
            if (response.status === 201 || response.status === 200) { acknowledged.add(record.id); break; }
            if (response.status === 401) { await signIn(); continue; }
            if (response.status >= 500 || response.status === 429) { await sleep(200); continue; }
            throw new Error(`record ${n}: ${response.status} ${await response.text()}`);
        }
    }
}
await Promise.all([worker(), worker(), worker(), worker()]);

const history = await (await call("/api/me/history")).json();
const ids = history.map((r) => r.id);
const missing = [...acknowledged].filter((id) => !ids.includes(id));
const doubled = ids.filter((id, i) => ids.indexOf(id) !== i);
console.log(`${acknowledged.size} records acknowledged; ${ids.length} in the history; ${missing.length} missing; ${doubled.length} doubled`);
if (missing.length || doubled.length || ids.length !== acknowledged.size) process.exit(1);
console.log("every acknowledged record is there, exactly once");
