// Full-page screenshots of every page of the running app, at phone, tablet and desktop widths, in
// the light and the dark theme, into artifacts/screenshots/. run.sh starts the app and calls this.
//
//   node shoot.mjs [page ...] [--widths=360,1440] [--themes=light] [--readme] [--screen | --clip=TOP:HEIGHT]
//
// --screen keeps only the first screen (what a visitor sees before scrolling) and --clip a band of
// the page, into artifacts/screenshots/partial/, to look at a long page a piece at a time.
// BASE_URL (default http://127.0.0.1:5299) is the app; pages are named below. --readme also
// refreshes docs/catalog.png, the README's picture (desktop, light, the top of the catalog).
// Uses Debian's Chromium: Playwright's own browser download is neither needed nor possible here.
import { mkdir, readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:5299";
const outDir = path.join(root, "artifacts", "screenshots");

const pages = {
    home: "/",
    catalog: "/exercises",
    "catalog-hernia": "/exercises?exclude=hernia",
    exercise: "/exercises/cat-cow",
    safety: "/safety",
    "safety-conditions": "/safety/conditions",
    "build-empty": "/build",
    "build-result": "/build?minutes=30&level=beginner&focus=lumbar&equipment=mat&conditions=hernia&seed=42",
    "build-refusal": "/build?minutes=30&level=beginner&redFlags=bowel-or-bladder",
    "build-invalid": "/build?minutes=30",
    routines: "/routines",
    routine: "/routines/twelve-back-stretches",
    "not-found": "/no/such/page",
    player: "/play?routine=dancer-complex",
    "player-running": "/play?routine=twelve-back-stretches",
    // The finish screen's questions, after the whole routine played on a fast-forwarded clock, some answered.
    "player-finish": "/play?routine=dancer-complex",
    // The contact sheet of every figure (development only: run.sh starts the app in Development).
    figures: "/dev/figures",
    "sign-in": "/Account/Login",
    register: "/Account/Register",
    "forgot-password": "/Account/ForgotPassword",
    "forgot-password-sent": "/Account/ForgotPasswordConfirmation",
    "reset-password": "/Account/ResetPassword?code=c2FtcGxl",
    "reset-password-done": "/Account/ResetPasswordConfirmation",
    "reset-link-broken": "/Account/InvalidPasswordReset",
    "register-sent": "/Account/RegisterConfirmation?email=someone%40example.test",
    "resend-confirmation": "/Account/ResendEmailConfirmation",
    "confirm-link-broken": "/Account/ConfirmEmail?userId=nobody&code=x",
    lockout: "/Account/Lockout",
    "access-denied": "/Account/AccessDenied",
    library: "/library",
    "saved-session": "/library/{saved}",
    profile: "/profile",
    account: "/Account/Manage",
    "account-email": "/Account/Manage/Email",
    "account-password": "/Account/Manage/ChangePassword",
    "account-two-step": "/Account/Manage/TwoFactorAuthentication",
    "account-authenticator": "/Account/Manage/EnableAuthenticator",
    "account-passkeys": "/Account/Manage/Passkeys",
    "account-services": "/Account/Manage/ExternalLogins",
    "account-data": "/Account/Manage/PersonalData",
    "account-delete": "/Account/Manage/DeletePersonalData",
    // A physiotherapist's view of a report shared with a read-only link ({share} is its address).
    "shared-report": "{share}",
    plan: "/plan",
    "plan-print": "/plan/print",
    "home-signed-in": "/",
    history: "/history",
    "history-report": "/history/report",
    "history-sessions": "/history/sessions",
    "plan-generate": "/plan/generate?goal=back-health&free=monday&time-monday=19:30&free=tuesday&time-tuesday=19:30&free=thursday&time-thursday=19:30&free=saturday&time-saturday=10:00&minutes=30&level=beginner&equipment=mat&timeZone=Europe/London#proposal",
};
// Pages of a signed-in person, who has saved a session and marked a favourite ({saved} is its id).
const signedIn = new Set(["library", "saved-session", "profile", "account", "account-email", "account-password", "account-two-step",
    "account-authenticator", "account-passkeys", "account-services", "account-data", "account-delete", "plan", "plan-print",
    "home-signed-in", "plan-generate", "history", "history-report", "history-sessions"]);
// Pages that need the person to exist but are seen without signing in.
const needsPerson = new Set([...signedIn, "shared-report"]);
// Pages shown after pressing Start and letting the session run into its first hold, or to its end.
const started = new Set(["player-running", "player-finish"]);
const finished = new Set(["player-finish"]);
// Paper: the two pages with a print stylesheet worth seeing.
const printed = { "build-result": pages["build-result"], routine: pages.routine };

// Phones (small and common), a tablet in portrait and in landscape, a desktop.
const viewports = { 360: 780, 390: 844, 820: 1180, 1180: 820, 1440: 900 };

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1]?.split(",");
const chosen = args.filter((a) => !a.startsWith("--"));
const widths = (option("widths") ?? Object.keys(viewports)).map(Number);
const themes = option("themes") ?? ["light", "dark"];
const names = chosen.length > 0 ? chosen : Object.keys(pages);
const clip = option("clip")?.[0]?.split(":").map(Number);
const partial = args.includes("--screen") || clip !== undefined;
const shotDir = partial ? path.join(outDir, "partial") : outDir;
for (const name of names) {
    if (!(name in pages)) throw new Error(`unknown page ${name}; known: ${Object.keys(pages).join(", ")}`);
}

const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
});

async function open(context, url, start = false, finish = false) {
    const page = await context.newPage();
    if (start) await page.clock.install();
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    if (start) {
        if (finish) await page.click("session-player .player-pain-before label:has(input[value='4'])");
        await page.click("session-player button[data-action=start]");
        await page.clock.runFor(12_000);
    }
    if (finish) {
        await page.clock.fastForward(20 * 60_000);
        await page.clock.runFor(1_000);
        await page.click("session-player .finish-form label:has(input[name=painAfter][value='2'])");
        await page.click("session-player .finish-form label:has(input[name=ease][value='2'])");
        await page.locator("session-player .flag-choice").nth(1).getByRole("button", { name: "Felt good" }).click();
        await page.locator("session-player .flag-choice").nth(3).getByRole("button", { name: "Hurt" }).click();
        await page.evaluate(() => document.querySelector("session-player .finish-title").scrollIntoView());
    }
    return page;
}

// One person for every signed-in page: registered through the account API and confirmed with the
// link the app wrote to its outbox (MAIL_DIR, beside the throwaway database run.sh starts it on).
const person = { email: `screens-${Date.now()}@example.test`, password: "Stretch-2026!" };
let savedId = "";
let shareAddress = "";
async function signIn(context) {
    const login = await context.request.post("/api/account/login?useCookies=true", { data: person });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
}
async function createPerson() {
    const api = await browser.newContext({ baseURL });
    const register = await api.request.post("/api/account/register", { data: person });
    if (!register.ok()) throw new Error(`registration failed: ${register.status()} ${await register.text()}`);
    const mailDir = process.env.MAIL_DIR;
    let mail;
    for (let attempt = 0; attempt < 50 && !mail; attempt++) {
        const files = (await readdir(mailDir).catch(() => [])).filter((f) => f.endsWith(`-${person.email}.txt`));
        if (files.length > 0) mail = await readFile(path.join(mailDir, files[0]), "utf8");
        else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!mail) throw new Error(`no confirmation email in ${mailDir}`);
    const confirm = new URL(mail.match(/https?:\/\/\S+/)[0]);
    await api.request.get(confirm.pathname + confirm.search);
    await signIn(api);
    await api.request.put("/api/me/profile", { data: { level: "beginner", equipment: ["mat", "chair"], conditions: ["scoliosis"], timeZone: "Europe/London", healthConsent: true, preferFavourites: true } });
    await api.request.put("/api/me/favourites/cat-cow");
    const saved = await api.request.post("/api/me/sessions", { data: { name: "Evening stretch", request: { minutes: 20, level: "beginner", equipment: ["mat"], seed: 42 } } });
    savedId = (await saved.json()).id;
    const days = ["monday", "tuesday", "thursday", "friday", "saturday", "sunday"];
    const slots = days.map((day, i) => ({
        day, time: i === 2 ? "07:30" : "19:30",
        play: i % 3 === 0 ? { routine: "twelve-back-stretches" } : i % 3 === 1 ? { session: savedId } : { preset: { minutes: 30, level: "beginner", focus: ["lumbar"], equipment: ["mat"] } },
    }));
    const plan = await api.request.put("/api/me/plan", { data: { goal: "back-health", timeZone: "Europe/London", trainingDays: ["wednesday"], slots, alarmMinutes: 10 } });
    if (!plan.ok()) throw new Error(`plan failed: ${plan.status()} ${await plan.text()}`);
    const routine = await (await api.request.get("/api/routines/twelve-back-stretches")).json();
    const items = routine.blocks.flatMap((b) => b.items).map((i) => ({ slug: i.slug, side: i.side, status: "done", seconds: 30 }));
    for (const [daysAgo, before, after] of [[40, 7, 6], [33, 6, 5], [26, 6, 4], [19, 5, 4], [12, 5, 3], [7, 4, 3], [2, 3, 2]]) {
        const start = new Date(Date.now() - daysAgo * 86_400_000);
        const record = await api.request.post("/api/me/history", { data: {
            id: crypto.randomUUID(), startedAt: start.toISOString(), finishedAt: new Date(start.getTime() + 31 * 60_000).toISOString(), timeZone: "Europe/London",
            source: { routine: "twelve-back-stretches" }, items, painBefore: before, painAfter: after, ease: 2, note: "Calm evening",
            flags: daysAgo === 2 ? [{ slug: "knees-to-chest", felt: "hurt" }] : [],
        } });
        if (!record.ok()) throw new Error(`record failed: ${record.status()} ${await record.text()}`);
    }
    // A read-only link to the report, made as its owner would: with the report page's form.
    const reportPage = await api.newPage();
    await reportPage.goto("/history/report");
    await reportPage.getByRole("button", { name: "Make a read-only link" }).click();
    shareAddress = new URL(await reportPage.locator(".report-share-link input[readonly]").first().inputValue()).pathname;
    await api.close();
}

let count = 0;
try {
    if (names.some((n) => needsPerson.has(n))) await createPerson();
    await mkdir(shotDir, { recursive: true });
    for (const theme of themes) {
        for (const width of widths) {
            const context = await browser.newContext({
                baseURL, colorScheme: theme, viewport: { width, height: viewports[width] ?? 900 },
                locale: "en-GB", timezoneId: "Europe/London", serviceWorkers: "block",
            });
            if (names.some((n) => signedIn.has(n))) await signIn(context);
            const anonymous = await browser.newContext({
                baseURL, colorScheme: theme, viewport: { width, height: viewports[width] ?? 900 },
                locale: "en-GB", timezoneId: "Europe/London", serviceWorkers: "block",
            });
            for (const name of names) {
                const url = pages[name].replace("{saved}", savedId).replace("{share}", shareAddress);
                const page = await open(signedIn.has(name) ? context : anonymous, url, started.has(name), finished.has(name));
                const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
                if (overflow > 0) console.warn(`! ${name} at ${width} px scrolls sideways by ${overflow} px`);
                const file = path.join(shotDir, `${name}-${width}-${theme}.png`);
                await page.screenshot(clip
                    ? { path: file, fullPage: true, clip: { x: 0, y: clip[0], width, height: clip[1] } }
                    : { path: file, fullPage: !partial && !started.has(name) });
                await page.close();
                count++;
            }
            await context.close();
            await anonymous.close();
        }
    }

    if (themes.includes("light") && !partial) {
        const context = await browser.newContext({ baseURL, colorScheme: "light", viewport: { width: 820, height: 1180 } });
        for (const [name, url] of Object.entries(printed).filter(([n]) => names.includes(n))) {
            const page = await open(context, url);
            await page.emulateMedia({ media: "print" });
            await page.screenshot({ path: path.join(outDir, `${name}-print.png`), fullPage: true });
            await page.close();
            count++;
        }
        await context.close();
    }

    if (args.includes("--readme")) {
        const context = await browser.newContext({ baseURL, colorScheme: "light", viewport: { width: 1280, height: 900 } });
        const page = await open(context, pages.catalog);
        await page.screenshot({ path: path.join(root, "docs", "catalog.png") });
        await context.close();
        console.log("docs/catalog.png refreshed");
    }
} finally {
    await browser.close();
}
console.log(`${count} screenshots in ${path.relative(root, shotDir)}/`);
