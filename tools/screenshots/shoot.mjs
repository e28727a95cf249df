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
import { mkdir } from "node:fs/promises";
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
};
// Pages shown after pressing Start and letting the session run into its first hold.
const started = new Set(["player-running"]);
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

async function open(context, url, start = false) {
    const page = await context.newPage();
    if (start) await page.clock.install();
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    if (start) {
        await page.click("session-player button[data-action=start]");
        await page.clock.runFor(12_000);
    }
    return page;
}

let count = 0;
try {
    await mkdir(shotDir, { recursive: true });
    for (const theme of themes) {
        for (const width of widths) {
            const context = await browser.newContext({
                baseURL, colorScheme: theme, viewport: { width, height: viewports[width] ?? 900 },
                locale: "en-GB", timezoneId: "Europe/London", serviceWorkers: "block",
            });
            for (const name of names) {
                const page = await open(context, pages[name], started.has(name));
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
