// Ties what the server serves to what the player plays: for every item of real sessions taken from
// the app (files named in SESSION_FILES by PlayerScriptTests), walking the player's phases from the
// item's start to its end must give the lead, then exactly `reps` holds or movements, and end with it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildTimeline, phaseAt, instructionFor } from "../../../src/Stretching.Web/wwwroot/js/player/timing.js";
import { frameAt, parts, poseAt } from "../../../src/Stretching.Web/wwwroot/js/player/figure.js";

const files = (process.env.SESSION_FILES ?? "").split(",").filter(Boolean);

test("sessions were handed over", () => assert.ok(files.length > 0, "no SESSION_FILES"));

for (const file of files) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  const timeline = buildTimeline(data);

  test(`${data.title}: every item plays as its own figures say, and every phase has an instruction`, () => {
    assert.ok(timeline.items.length > 0);
    for (const item of timeline.items) {
      const phases = [];
      for (let t = item.start; t < item.end; t += 0.25) {
        const p = phaseAt(item, t);
        const last = phases.at(-1);
        if (!last || last.phase !== p.phase || last.rep !== p.rep) phases.push({ phase: p.phase, rep: p.rep, from: t });
        assert.ok(instructionFor(item, p.phase), `${item.slug} has no instruction for ${p.phase}`);
      }
      const label = `${item.slug} at ${item.start}`;
      assert.equal(phases[0].phase, "ready", label);
      assert.equal(phases[1]?.from, item.start + item.lead, `${label}: the lead lasts leadSeconds`);
      if (item.reps && item.repSeconds) {
        const work = phases.filter((p) => p.phase === (item.release ? "hold" : "move"));
        assert.equal(work.length, item.reps, `${label}: ${work.length} repetitions played, ${item.reps} served`);
        assert.equal(item.lead + item.reps * item.repSeconds, item.seconds, `${label}: the figures add up`);
      }
      assert.equal(phaseAt(item, item.end - 1e-6).phaseRemaining < 0.01, true, `${label}: the last phase ends with the item`);
    }
  });

  test(`${data.title}: every item has its exercise's figure, which moves through its poses without a jump`, () => {
    for (const item of timeline.items) {
      const figure = item.figure;
      const label = `${item.slug} at ${item.start}`;
      assert.ok(figure, `${label} has no figure`);
      assert.equal(figure.keys.length, figure.poses.length, label);
      const count = figure.keys.length;
      let before = null;
      for (let t = item.start; t < item.end; t += 0.05) {
        const position = poseAt(figure, item, phaseAt(item, t));
        assert.ok(position >= 0 && position < count, `${label}: position ${position} at ${t}`);
        if (before !== null) {
          const step = Math.abs(position - before);
          assert.ok(Math.min(step, count - step) < 0.35, `${label}: jumps from ${before} to ${position} at ${t}`);
        }
        before = position;
        const drawn = parts(frameAt(figure, position));
        assert.ok(![drawn.far, drawn.trunk, drawn.near, drawn.support].some((d) => d.includes("NaN")) && Number.isFinite(drawn.head.x), `${label}: a broken frame at ${t}`);
      }
    }
  });
}
