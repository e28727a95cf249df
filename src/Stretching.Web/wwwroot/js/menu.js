// The header's menu on narrow screens. Without this module the links are simply shown; with it, a
// "Menu" button (a disclosure: aria-expanded, aria-controls) shows and hides them below the width the
// header names in data-menu-below (992 px; 1200 px signed in, when there are more links), by marking
// the header "is-compact". Above it the CSS hides the button and always shows the links, in one row.
const header = document.querySelector(".site-header[data-menu]");
const nav = header?.querySelector(".site-nav[id]");

if (header && nav) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-secondary menu-toggle";
    button.setAttribute("aria-controls", nav.id);
    button.setAttribute("aria-expanded", "false");
    const icon = document.createElement("i");
    icon.className = "bi bi-list";
    icon.setAttribute("aria-hidden", "true");
    button.append(icon, " Menu");
    nav.before(button);
    header.classList.add("has-menu-toggle");

    const setOpen = (open) => {
        button.setAttribute("aria-expanded", String(open));
        nav.classList.toggle("is-open", open);
        icon.className = open ? "bi bi-x-lg" : "bi bi-list";
    };

    button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));

    const below = Number(header.dataset.menuBelow) || 992;
    const narrow = window.matchMedia(`(max-width: ${below - 0.02}px)`);
    const fold = () => {
        header.classList.toggle("is-compact", narrow.matches);
        if (!narrow.matches) setOpen(false);
    };
    narrow.addEventListener("change", fold);
    fold();

    // Escape closes the open menu and gives focus back to its button.
    header.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            button.focus();
        }
    });
}
