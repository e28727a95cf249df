// A "Print" button for pages made for paper; without JavaScript the browser's own Print does the same.
for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
}
