// Reads plan feeds the app served (PlanFeedTests writes them into PLAN_FEED_DIR with feeds.json:
// [{ file, events, zone }]) with ical.js, as a calendar app would: every file parses, every event
// has a start before its end, a player address and a VTIMEZONE for its TZID, and the text is
// RFC 5545's (CRLF, lines of at most 75 octets).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";

for (const name of ["name", "x-wr-calname", "x-wr-caldesc", "x-wr-timezone"]) ICAL.design.icalendar.property[name] = { defaultType: "text" };

const folder = process.env.PLAN_FEED_DIR;
const feeds = folder ? JSON.parse(readFileSync(join(folder, "feeds.json"), "utf8")) : [];

test("PlanFeedTests wrote feeds to read", () => {
  assert.ok(folder, "PLAN_FEED_DIR is not set: run this through PlanFeedTests");
  assert.ok(feeds.length > 0);
});

for (const feed of feeds) {
  test(`${feed.file} is a calendar a calendar app can read`, () => {
    const bytes = readFileSync(join(folder, feed.file));
    const text = bytes.toString("utf8");
    assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75, `a line is longer than 75 octets: ${line}`);

    ICAL.TimezoneService.reset();
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    assert.equal(calendar.getFirstPropertyValue("version"), "2.0");
    assert.equal(calendar.getFirstPropertyValue("method"), "PUBLISH");
    const zones = new Set(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")));

    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    assert.equal(events.length, feed.events, "the number of events");
    for (const event of events) {
      const tzid = event.component.getFirstProperty("dtstart").getParameter("tzid");
      if (tzid) assert.ok(zones.has(tzid), `a VTIMEZONE for ${tzid}`);
      if (tzid) assert.equal(tzid, feed.zone);
      assert.ok(event.endDate.toUnixTime() > event.startDate.toUnixTime(), `${event.uid} ends after it starts`);
      assert.match(event.component.getFirstPropertyValue("url"), /\/play\?occurrence=/);
      assert.match(event.description, /Start it in the player: http/);
      assert.ok(event.uid.endsWith("@stretching"));
    }
  });
}
