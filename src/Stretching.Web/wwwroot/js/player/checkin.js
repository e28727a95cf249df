// The player's questions: pain before the start, and at the finish pain again, how hard it felt, how
// each exercise felt and a note. Native radios and buttons, so every answer is a tap or a key away and
// screen readers hear each question with its scale. Nothing here is required: not answering is skipping.

const EASE = ["Very easy", "Easy", "Moderate", "Hard", "Very hard"];

/** A row of big tiles for a rating, as radios named `name`; each end says what it means. */
function scale(name, from, to, words = {}) {
  let html = "";
  for (let n = from; n <= to; n++) {
    const word = words[n];
    html += `<label class="scale-option"><input type="radio" name="${name}" value="${n}"><span class="scale-number">${n}</span>${word ? `<span class="scale-word">${word}</span>` : ""}</label>`;
  }
  return `<div class="scale-options" data-count="${to - from + 1}">${html}</div>`;
}

// The numeric rating scale: 0 no pain, 10 the worst pain imaginable.
const painScale = (name) => scale(name, 0, 10, { 0: "No pain", 10: "Worst pain" });

export const PAIN_BEFORE = `
<fieldset class="player-scale player-pain-before">
  <legend>How is your back right now?</legend>
  ${painScale("painBefore")}
  <p class="scale-hint">Tap a number, or just start.</p>
</fieldset>`;

export const FINISH_FORM = `
<form class="finish-form" novalidate hidden>
  <fieldset class="finish-fields">
    <div class="finish-ratings">
      <fieldset class="player-scale">
        <legend>How is your back now?</legend>
        ${painScale("painAfter")}
      </fieldset>
      <fieldset class="player-scale">
        <legend>How hard did it feel?</legend>
        ${scale("ease", 1, 5, Object.fromEntries(EASE.map((word, i) => [i + 1, word])))}
      </fieldset>
      <label class="finish-note"><span>A note for yourself</span><textarea name="note" rows="2" maxlength="2000"></textarea></label>
    </div>
    <fieldset class="finish-flags">
      <legend>How did each exercise feel?</legend>
      <p class="scale-hint">Mark any that felt good or hurt.</p>
      <ul></ul>
    </fieldset>
  </fieldset>
  <p class="finish-device" hidden>You are not signed in, so this session stays on this device only. <a class="finish-sign-in">Sign in</a> to keep your sessions in your account.</p>
  <div class="finish-save-bar"><button type="submit" class="player-save">Save</button></div>
</form>
<p class="finish-saved" role="status" hidden></p>`;

/** The finish screen's form: filled for the exercises played, read as the record's answers, locked once saved. */
export class FinishForm {
  constructor(root, { signInUrl, historyUrl, onChange, onSave }) {
    this.form = root.querySelector(".finish-form");
    this.status = root.querySelector(".finish-saved");
    this.historyUrl = historyUrl;
    this.signInUrl = signInUrl;
    const signIn = this.form.querySelector(".finish-sign-in");
    if (signInUrl) signIn.href = signInUrl;
    this.form.addEventListener("change", () => onChange(this.values()));
    this.form.addEventListener("input", (e) => e.target.name === "note" && onChange(this.values()));
    this.form.addEventListener("click", (e) => {
      const button = e.target.closest("button[data-felt]");
      if (!button) return;
      const pressed = button.getAttribute("aria-pressed") === "true";
      for (const other of button.parentElement.querySelectorAll("button[data-felt]")) other.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", String(!pressed));
      onChange(this.values());
    });
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      onSave(this.values());
    });
  }

  /** Empty answers, one felt-good-or-hurt pair per exercise played; hidden when there is nothing to keep. */
  show(exercises, { signedIn }) {
    this.form.reset();
    this.form.querySelector(".finish-fields").disabled = false;
    Object.assign(this.form.querySelector(".player-save"), { disabled: false });
    this.form.querySelector(".finish-save-bar").hidden = false;
    this.form.querySelector(".finish-device").hidden = signedIn;
    this.status.hidden = true;
    const list = this.form.querySelector(".finish-flags ul");
    list.replaceChildren();
    for (const { slug, name } of exercises) {
      const item = document.createElement("li");
      const label = document.createElement("span");
      label.className = "flag-name";
      label.textContent = name;
      const group = document.createElement("span");
      group.className = "flag-choice";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", name);
      group.innerHTML = `<button type="button" data-felt="good" aria-pressed="false">Felt good</button><button type="button" data-felt="hurt" aria-pressed="false">Hurt</button>`;
      group.dataset.slug = slug;
      item.append(label, group);
      list.append(item);
    }
    this.form.querySelector(".finish-flags").hidden = exercises.length === 0;
    this.form.hidden = false;
  }

  hide() {
    this.form.hidden = true;
    this.status.hidden = true;
  }

  values() {
    const data = new FormData(this.form);
    const flags = {};
    for (const group of this.form.querySelectorAll(".flag-choice")) {
      flags[group.dataset.slug] = group.querySelector("[aria-pressed=true]")?.dataset.felt ?? null;
    }
    return { painAfter: data.get("painAfter"), ease: data.get("ease"), note: data.get("note") ?? "", flags };
  }

  /** After Save: the answers stay in sight but cannot change, and the person is told where the session went. */
  saved(outcome) {
    this.form.querySelector(".finish-fields").disabled = true;
    this.form.querySelector(".finish-save-bar").hidden = true;
    this.form.querySelector(".finish-device").hidden = true;
    const link = (href, text) => Object.assign(document.createElement("a"), { href, textContent: text });
    const status = this.status;
    status.replaceChildren();
    status.dataset.outcome = outcome.kind;
    switch (outcome.kind) {
      case "sent":
        status.append("Saved to your history. ", link(this.historyUrl, "See my progress"));
        break;
      case "waiting":
        status.append(outcome.why === "signed-out"
          ? "Saved on this device. Sign in again and it goes to your history."
          : "Saved on this device. It goes to your history as soon as you are back online.");
        break;
      case "device":
        status.append("Saved on this device only. ", link(this.signInUrl, "Sign in"), " to keep your sessions in your account.");
        break;
      case "rejected":
        status.append(`Your history could not take this session: ${outcome.text}`);
        break;
      default:
        status.append("This session could not be kept: this browser does not let the player store it.");
    }
    status.hidden = false;
    status.scrollIntoView({ block: "nearest" });
  }

  /** Saving, before the outcome is known. */
  saving() {
    this.form.querySelector(".finish-fields").disabled = true;
    this.form.querySelector(".player-save").disabled = true;
  }
}

/** The pain-before answer, or null. */
export function painBefore(root) {
  const checked = root.querySelector("input[name=painBefore]:checked");
  return checked ? Number(checked.value) : null;
}

export function setPainBefore(root, value) {
  for (const input of root.querySelectorAll("input[name=painBefore]")) input.checked = value !== null && Number(input.value) === value;
}
