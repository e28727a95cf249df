// Bootstrap's dark mode is an attribute; keep it in step with the system setting.
(() => {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => document.documentElement.setAttribute("data-bs-theme", query.matches ? "dark" : "light");
    apply();
    query.addEventListener("change", apply);
})();
