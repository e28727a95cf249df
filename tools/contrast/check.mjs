// Checks the palette in src/Stretching.Web/wwwroot/css/tokens.css against WCAG 2.2 AA:
// 4.5:1 for text, 3:1 for control borders and focus indicators, in the light and the dark theme.
// Also checks that the two dark blocks (data-bs-theme and the media query) are the same.
// Usage: node tools/contrast/check.mjs   (prints a table; exits 1 when a pair fails)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const tokensPath = fileURLToPath(new URL("../../src/Stretching.Web/wwwroot/css/tokens.css", import.meta.url));
const css = readFileSync(tokensPath, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** Declarations of the first rule whose selector is exactly `selector` (custom properties only). */
function block(selector) {
    const start = css.indexOf(selector + " {");
    if (start < 0) throw new Error(`tokens.css has no rule for ${selector}`);
    const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("}", start));
    return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const root = block(":root");
const darkAttribute = block('[data-bs-theme="dark"]');
const darkMedia = block(':root:not([data-bs-theme])');
const themes = { light: root, dark: { ...root, ...darkAttribute } };

function resolve(theme, value, depth = 0) {
    const ref = /^var\((--[\w-]+)\)$/.exec(value);
    if (!ref) return value;
    if (depth > 10 || !(ref[1] in theme)) throw new Error(`cannot resolve ${value}`);
    return resolve(theme, theme[ref[1]], depth + 1);
}

function luminance(hex) {
    const channels = hex.replace("#", "").match(/../g).map((h) => parseInt(h, 16) / 255);
    const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function ratio(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const NON_TEXT = 3;
// [foreground, background, minimum, what it is]
const pairs = [
    ["--st-text", "--st-bg", TEXT, "body text on the page"],
    ["--st-text", "--st-surface", TEXT, "body text on cards and the header"],
    ["--st-text", "--st-surface-muted", TEXT, "body text on muted panels"],
    ["--st-text-muted", "--st-bg", TEXT, "secondary text on the page"],
    ["--st-text-muted", "--st-surface", TEXT, "secondary text on cards"],
    ["--st-text-muted", "--st-surface-muted", TEXT, "secondary text on muted panels"],
    ["--st-text-muted", "--st-sand-subtle", TEXT, "a rest's reason in the timeline"],
    ["--st-link", "--st-bg", TEXT, "links on the page"],
    ["--st-link", "--st-surface", TEXT, "links on cards"],
    ["--st-link", "--st-surface-muted", TEXT, "links on muted panels"],
    ["--st-link-hover", "--st-brand-subtle", TEXT, "quiet button, hovered"],
    ["--st-on-brand", "--st-brand", TEXT, "primary button label"],
    ["--st-on-brand", "--st-brand-strong", TEXT, "primary button label, hovered or pressed"],
    ["--st-brand", "--st-bg", TEXT, "secondary button label and border, brand text on the page"],
    ["--st-brand", "--st-surface", TEXT, "secondary button label and border on cards"],
    ["--st-brand-emphasis", "--st-brand-subtle", TEXT, "current page in the menu, notes, secondary button hovered"],
    ["--st-sand-emphasis", "--st-sand-subtle", TEXT, "rest badge"],
    ["--st-danger-emphasis", "--st-danger-subtle", TEXT, "danger alert text and links"],
    ["--st-warning-emphasis", "--st-warning-subtle", TEXT, "warning alert text and links"],
    ["--st-danger", "--st-surface", TEXT, "a field's error message"],
    ["--st-danger", "--st-bg", TEXT, "danger text on the page"],
    ["--st-on-danger", "--st-danger", TEXT, "danger button label"],
    ["--st-on-danger", "--st-danger-emphasis", TEXT, "danger button label, hovered or pressed"],
    ["--st-control-border", "--st-surface", NON_TEXT, "input and checkbox borders on cards"],
    ["--st-control-border", "--st-bg", NON_TEXT, "input and checkbox borders on the page"],
    ["--st-brand", "--st-surface", NON_TEXT, "a ticked checkbox or radio"],
    ["--st-focus", "--st-bg", NON_TEXT, "focus ring on the page"],
    ["--st-focus", "--st-surface", NON_TEXT, "focus ring on cards and the header"],
    ["--st-focus", "--st-surface-muted", NON_TEXT, "focus ring on muted panels"],
    ["--st-focus", "--st-brand-subtle", NON_TEXT, "focus ring on notes"],
    ["--st-focus", "--st-danger-subtle", NON_TEXT, "focus ring in a danger alert"],
    ["--st-focus", "--st-warning-subtle", NON_TEXT, "focus ring in a warning alert"],
    ["--st-focus", "--st-sand-subtle", NON_TEXT, "focus ring on a rest"],
];

let failures = 0;
const rows = [];
for (const [name, theme] of Object.entries(themes)) {
    for (const [fg, bg, min, what] of pairs) {
        const [a, b] = [resolve(theme, theme[fg] ?? `var(${fg})`), resolve(theme, theme[bg] ?? `var(${bg})`)];
        const value = ratio(a, b);
        const ok = value >= min;
        if (!ok) failures++;
        rows.push(`${ok ? "ok  " : "FAIL"} ${name.padEnd(5)} ${value.toFixed(2).padStart(5)}:1 (min ${min}) ${fg} ${a} on ${bg} ${b}  ${what}`);
    }
}

const differ = [...new Set([...Object.keys(darkAttribute), ...Object.keys(darkMedia)])]
    .filter((key) => darkAttribute[key] !== darkMedia[key]);
if (differ.length > 0) {
    failures++;
    rows.push(`FAIL the two dark blocks differ in ${differ.join(", ")}`);
}

console.log(rows.join("\n"));
console.log(failures === 0 ? `all ${rows.length} checks pass` : `${failures} failing`);
process.exitCode = failures === 0 ? 0 : 1;
