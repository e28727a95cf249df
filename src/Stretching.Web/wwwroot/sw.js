// Keeps the session player working without a network once a session has been opened.
// Everything is network first, falling back to the last copy kept, so a new release is never
// hidden behind a stale cache. The player page also sends the addresses it loaded, so they are
// kept even on the very first visit, before this worker controlled the page.
const CACHE = "stretching-v1";

// The outbox of played sessions (the same file the pages import): sent from here when the network
// comes back, even with no page open, where the browser has Background Sync.
try {
    importScripts("/js/history/outbox.js");
} catch (error) {
    console.warn("The history outbox is unavailable here:", error);
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        const names = await caches.keys();
        await Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)));
        await self.clients.claim();
    })());
});

self.addEventListener("message", (event) => {
    if (event.data?.type !== "keep" || !Array.isArray(event.data.urls)) return;
    const urls = event.data.urls.filter((url) => new URL(url, self.location.origin).origin === self.location.origin);
    event.waitUntil((async () => {
        const cache = await caches.open(CACHE);
        await Promise.all(urls.map(async (url) => {
            try {
                const response = await fetch(url, { credentials: "same-origin" });
                if (response.ok) await cache.put(url, response);
            } catch {
                // Offline already: whatever is cached stays.
            }
        }));
        event.source?.postMessage({ type: "kept", count: urls.length });
    })());
});

self.addEventListener("sync", (event) => {
    const outbox = self.StretchingOutbox;
    if (!outbox || event.tag !== outbox.SYNC_TAG) return;
    event.waitUntil((async () => {
        // Only for the person the last page said was signed in: their own records, never another's.
        const owner = (await outbox.store.meta("owner")) ?? null;
        const result = await outbox.send(owner);
        if (result.waiting && (result.stopped === "offline" || result.stopped === "retry")) {
            throw new Error("Some sessions are still waiting: the browser will try again later.");
        }
    })());
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) return;
    const isPlayerPage = request.mode === "navigate" && url.pathname === "/play";
    const isAsset = ["style", "script", "image", "font", "manifest"].includes(request.destination);
    if (isPlayerPage || isAsset) event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
    const cache = await caches.open(CACHE);
    try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
    } catch (error) {
        const cached = await cache.match(request);
        if (cached) return cached;
        throw error;
    }
}
