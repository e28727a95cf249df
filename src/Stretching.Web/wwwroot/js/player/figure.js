// The figure of the exercise playing: where the body is in the round of its key poses at a moment of
// play, and the drawing of that moment, mixed from the two nearest frames the server sent. Every figure
// comes from the server (frames, key poses, the cadence of timed work); this module only times and mixes.
//
// A position is a number in [0, poses): pose i at i, the frames between pose i and the next (or back to
// pose 0 after the last) in between. The server sends enough frames that mixing two neighbours is true.

const NUMBER = /(-?\d*\.?\d+)/;
const prepared = new WeakMap();

/** A packed frame ("support|far|trunk|near|x y") as the text around its numbers and the numbers. */
export function parseFrame(packed) {
  const pieces = packed.split(NUMBER);
  return {
    text: pieces.filter((_, i) => i % 2 === 0),
    numbers: pieces.filter((_, i) => i % 2 === 1).map(Number),
  };
}

const sameShape = (a, b) => a.text.length === b.text.length && a.text.every((t, i) => t === b.text[i]);

/** Two frames mixed a fraction of the way; frames of different shapes (a support that changes) switch halfway. */
export function mix(a, b, fraction) {
  if (fraction <= 0) return a;
  if (fraction >= 1) return b;
  if (!sameShape(a, b)) return fraction < 0.5 ? a : b;
  return { text: a.text, numbers: a.numbers.map((n, i) => n + (b.numbers[i] - n) * fraction) };
}

/** A frame back to its parts: support, far limbs, trunk and near limbs as path data, and the head's centre. */
export function parts(frame) {
  let packed = frame.text[0];
  frame.numbers.forEach((n, i) => {
    packed += String(Math.round(n * 100) / 100) + frame.text[i + 1];
  });
  const [support, far, trunk, near, head] = packed.split("|");
  const [x, y] = head.split(" ").map(Number);
  return { support, far, trunk, near, head: { x, y } };
}

function framesOf(figure) {
  let frames = prepared.get(figure);
  if (!frames) {
    frames = figure.frames.map(parseFrame);
    prepared.set(figure, frames);
  }
  return frames;
}

/** The drawing at a position of the round: the frames of the stretch between two key poses, mixed. */
export function frameAt(figure, position) {
  const frames = framesOf(figure);
  const keys = figure.keys;
  if (frames.length === 1 || keys.length < 2) return frames[0];
  const count = keys.length;
  const wrapped = ((position % count) + count) % count;
  const pose = Math.floor(wrapped);
  const start = keys[pose];
  const end = pose + 1 < count ? keys[pose + 1] : frames.length;
  const at = start + (wrapped - pose) * (end - start);
  const index = Math.floor(at);
  return mix(frames[index % frames.length], frames[(index + 1) % frames.length], at - index);
}

/** Slow in and out: the body eases into a pose and settles in it. */
export const ease = (t) => t * t * (3 - 2 * t);

/** Seconds the body takes to move into the pose of a hold or a release: calm, and leaving most of the phase still. */
export const moveSeconds = (phaseLength) => Math.min(2.5, Math.max(0.6, phaseLength * 0.4));

const forward = (from, to, count, fraction) => (from + (((to - from) % count) + count) % count * fraction) % count;

/** Once round all the poses in a cycle (a repetition, a stride), pausing a moment at each. */
function round(count, fraction) {
  const steps = Math.min(Math.max(fraction, 0), 1) * count;
  const whole = Math.floor(steps);
  return (whole + ease(steps - whole)) % count;
}

/**
 * Where the figure is at a phase of an item (phaseAt's answer), following the order of the key poses:
 * pose 0 while getting into position; a hold moves into pose 1 and stays; a release moves on to pose 2,
 * or back to pose 0 when there is none, and the next hold comes round from there; a repetition goes once
 * round every pose; timed work goes round at the figure's own cadence. With reduced motion the figure
 * stands still in the pose the phase is about, and timed work and repetitions show pose 1.
 */
export function poseAt(figure, item, p, still = false) {
  const count = figure?.keys?.length ?? 0;
  if (count < 2) return 0;
  const held = 1;
  const released = count > 2 ? 2 : 0;
  const into = (from, to) => (still ? to : forward(from, to, count, ease(Math.min(1, p.phaseElapsed / moveSeconds(p.phaseLength)))));
  switch (p.phase) {
    case "hold": return into(item.release && p.rep > 1 ? released : 0, held);
    case "rest": return into(0, held);
    case "release": return into(held, released);
    case "move": return still ? held : round(count, p.phaseLength > 0 ? p.phaseElapsed / p.phaseLength : 0);
    case "work": return still ? held : round(count, (p.phaseElapsed % figure.cycleSeconds) / figure.cycleSeconds);
    default: return 0;
  }
}

/**
 * A figure drawn into an element: the scene for its view cloned from the page's template, its frame,
 * turned over for the right side, then redrawn only when its position moves.
 */
export class FigureView {
  constructor(host, scenes) {
    this.host = host;
    this.scenes = scenes;
    this.figure = null;
    this.position = null;
  }

  show(figure, mirrored = false) {
    this.host.hidden = !figure;
    if (!figure) {
      this.figure = null;
      return;
    }
    if (figure !== this.figure || !this.svg) {
      const scene = this.scenes?.content.querySelector(`svg[data-view="${figure.view}"]`);
      if (!scene) {
        this.host.hidden = true;
        return;
      }
      this.svg = scene.cloneNode(true);
      this.svg.setAttribute("viewBox", figure.viewBox);
      const [floor, support, far, trunk, near] = this.svg.querySelectorAll("path");
      floor.setAttribute("d", figure.floor);
      this.paths = { support, far, trunk, near };
      this.head = this.svg.querySelector("circle");
      this.host.replaceChildren(this.svg);
      this.figure = figure;
      this.position = null;
    }
    this.svg.classList.toggle("is-mirrored", mirrored);
  }

  draw(position) {
    if (!this.figure || (this.position !== null && Math.abs(position - this.position) < 1e-4)) return;
    this.position = position;
    const drawn = parts(frameAt(this.figure, position));
    for (const name of ["support", "far", "trunk", "near"]) this.paths[name].setAttribute("d", drawn[name]);
    this.head.setAttribute("cx", String(drawn.head.x));
    this.head.setAttribute("cy", String(drawn.head.y));
  }
}
