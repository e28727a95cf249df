// Lets the player page work offline: registers the service worker and asks it to keep this page
// and everything the page loaded, which covers the first visit too (before the worker took control).
if ("serviceWorker" in navigator) {
    window.addEventListener("load", async () => {
        try {
            const registration = await navigator.serviceWorker.register("/sw.js");
            await navigator.serviceWorker.ready;
            const urls = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
            (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: "keep", urls });
        } catch (error) {
            console.warn("Offline support is unavailable:", error);
        }
    });
}
