import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { ease, frameAt, mix, moveSeconds, parseFrame, parts, poseAt } from "../../../src/Stretching.Web/wwwroot/js/player/figure.js";
import { buildTimeline, phaseAt } from "../../../src/Stretching.Web/wwwroot/js/player/timing.js";

// Frames as the server packs them: support|far limbs|trunk|near limbs|head x y (FigureParts.Packed).
const frame = (x) => `|M${x} -10L${x} 0|M0 -20L${x} -30|M${x} -10L${x} 0|${x} -40`;

// Three key poses with one frame between each, and one back from the last to the first: 0 1 | 2 3 | 4 5.
const cat = { view: "side", viewBox: "0 -50 60 50", floor: "M0 0H60", poses: ["All fours", "Cat", "Cow"], keys: [0, 2, 4], frames: [0, 5, 10, 15, 20, 25].map(frame), cycleSeconds: 4 };
const knees = { ...cat, poses: ["Start", "Hold"], keys: [0, 2], frames: [0, 5, 10, 15].map(frame) };
const still = { ...cat, poses: ["Hang"], keys: [0], frames: [frame(7)] };

const x = (f) => parts(f).head.x;

describe("frames", () => {
  test("a packed frame comes back whole from its numbers", () => {
    const packed = "M-44 0H52.5|M27.6 -39L27.6 -23|M0 -27.3Q14.7 -33.6 22.1 -36.7|M1 2|40.5 -39.8";
    const { support, far, trunk, near, head } = parts(parseFrame(packed));
    assert.equal([support, far, trunk, near].join("|"), packed.slice(0, packed.lastIndexOf("|")));
    assert.deepEqual(head, { x: 40.5, y: -39.8 });
  });

  test("two frames of the same shape mix number by number", () => {
    const mixed = parts(mix(parseFrame(frame(0)), parseFrame(frame(10)), 0.25));
    assert.equal(mixed.trunk, "M0 -20L2.5 -30");
    assert.equal(mixed.head.x, 2.5);
  });

  test("frames of different shapes switch halfway instead", () => {
    const a = parseFrame(frame(0));
    const b = parseFrame(`M0 0H9${frame(10)}`);
    assert.equal(mix(a, b, 0.4), a);
    assert.equal(mix(a, b, 0.6), b);
  });

  test("a key pose is its own frame, and the way to the next runs through the frames between", () => {
    assert.equal(x(frameAt(cat, 0)), 0);
    assert.equal(x(frameAt(cat, 1)), 10);
    assert.equal(x(frameAt(cat, 2)), 20);
    assert.equal(x(frameAt(cat, 0.5)), 5);
    assert.equal(x(frameAt(cat, 0.75)), 7.5);
    // From the last pose back round to the first: 20, 25, then frame 0 again.
    assert.equal(x(frameAt(cat, 2.5)), 25);
    assert.equal(x(frameAt(cat, 2.75)), 12.5);
    assert.equal(x(frameAt(cat, 3)), 0);
  });

  test("a figure of one pose is always that pose", () => {
    assert.equal(x(frameAt(still, 0)), 7);
    assert.equal(x(frameAt(still, 0.6)), 7);
  });
});

describe("where the body is", () => {
  const held = { reps: 9, repSeconds: 8, release: 3, hold: 5 };
  const at = (phase, phaseElapsed, phaseLength, rep = null) => ({ phase, phaseElapsed, phaseLength, rep });

  test("getting into position shows the first pose", () => {
    assert.equal(poseAt(cat, held, at("ready", 2, 5)), 0);
  });

  test("a hold moves into the second pose, easing, then stays", () => {
    const move = moveSeconds(5);
    assert.equal(poseAt(cat, held, at("hold", 0, 5, 1)), 0);
    assert.equal(poseAt(cat, held, at("hold", move / 2, 5, 1)), ease(0.5));
    assert.equal(poseAt(cat, held, at("hold", move, 5, 1)), 1);
    assert.equal(poseAt(cat, held, at("hold", 4.9, 5, 1)), 1);
  });

  test("a release goes on to the third pose, and the next hold comes round through the first", () => {
    assert.equal(poseAt(cat, held, at("release", 0, 3, 1)), 1);
    assert.equal(poseAt(cat, held, at("release", 3, 3, 1)), 2);
    assert.equal(poseAt(cat, held, at("hold", 0, 5, 2)), 2);
    assert.equal(poseAt(cat, held, at("hold", moveSeconds(5) / 2, 5, 2)), 0, "halfway from the cow to the cat is the neutral table");
    assert.equal(poseAt(cat, held, at("hold", 5, 5, 2)), 1);
  });

  test("with two poses a release goes back to the first", () => {
    assert.equal(poseAt(knees, held, at("release", 3, 3, 1)), 0);
    assert.equal(poseAt(knees, held, at("hold", 0, 5, 2)), 0);
  });

  test("a single hold and a rest move into the held pose", () => {
    const hold = { reps: null, hold: 30 };
    assert.equal(poseAt(knees, hold, at("hold", 10, 30)), 1);
    assert.equal(poseAt(knees, { rest: true }, at("rest", 10, 30)), 1);
  });

  test("a repetition goes once round every pose, pausing at each", () => {
    const rolls = { reps: 10, repSeconds: 4 };
    assert.equal(poseAt(cat, rolls, at("move", 0, 4, 1)), 0);
    assert.equal(poseAt(cat, rolls, at("move", 4 / 3, 4, 1)), 1);
    assert.equal(poseAt(cat, rolls, at("move", 2, 4, 1)), 1 + ease(0.5));
    assert.equal(poseAt(cat, rolls, at("move", 4, 4, 1)), 0);
  });

  test("timed work goes round at the figure's own cadence", () => {
    const jog = { ...knees, cycleSeconds: 0.8 };
    assert.equal(poseAt(jog, {}, at("work", 0.4, 300)), 1);
    assert.equal(poseAt(jog, {}, at("work", 0.8, 300)), 0);
    assert.ok(Math.abs(poseAt(jog, {}, at("work", 100.2, 300)) - ease(0.5)) < 1e-9);
  });

  test("with reduced motion the figure stands still in the pose of the phase", () => {
    assert.equal(poseAt(cat, held, at("ready", 1, 5), true), 0);
    assert.equal(poseAt(cat, held, at("hold", 0, 5, 2), true), 1);
    assert.equal(poseAt(cat, held, at("release", 0, 3, 1), true), 2);
    assert.equal(poseAt(cat, { reps: 10, repSeconds: 4 }, at("move", 1, 4, 1), true), 1);
    assert.equal(poseAt(knees, {}, at("work", 0.3, 300), true), 1);
  });

  test("a figure of one pose, or none, never moves", () => {
    assert.equal(poseAt(still, held, at("hold", 3, 5, 1)), 0);
    assert.equal(poseAt(null, held, at("hold", 3, 5, 1)), 0);
  });
});

test("the player's items carry their exercise's figure", () => {
  const timeline = buildTimeline({
    session: { totalSeconds: 30, blocks: [{ kind: "main", items: [{ slug: "cat-cow", name: "Cat-cow", startSeconds: 0, seconds: 30, leadSeconds: 5, holdSeconds: 25 }] }] },
    exercises: { "cat-cow": { position: "On all fours", cues: {}, figure: cat } },
  });
  const item = timeline.items[0];
  assert.equal(item.figure, cat);
  assert.equal(poseAt(item.figure, item, phaseAt(item, 29)), 1);
});
