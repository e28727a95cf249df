// Reads the calendars IcsWriter wrote with an independent parser, ical.js. CalendarFormatTests
// writes into ICS_FORMAT_DIR:
//   *.ics          the calendars
//   manifest.json  { calendars: [{ file, productId, name, description, timeZone, refreshInterval, stamp,
//                    events: [{ uid, summary, description, location, url, status, sequence, tzid,
//                               start, end (UTC instants written by hand), alarmMinutes }] }] }
// Each file must be RFC 5545 text (UTF-8, CRLF, lines of at most 75 octets), parse, say what the
// manifest says, and turn every zoned time through its own VTIMEZONE into the manifest's instant.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";

// ical.js knows RFC 5545's properties but not RFC 7986's NAME or the X-WR- ones; all are TEXT, to be unescaped.
for (const name of ["name", "x-wr-calname", "x-wr-caldesc", "x-wr-timezone"]) ICAL.design.icalendar.property[name] = { defaultType: "text" };

const folder = process.env.ICS_FORMAT_DIR;
const { calendars } = folder ? JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) : { calendars: [] };

test("CalendarFormatTests wrote calendars to read", () => {
  assert.ok(folder, "ICS_FORMAT_DIR is not set: run this through CalendarFormatTests");
  assert.ok(calendars.length > 0, "the manifest lists no calendars");
});

const iso = (date) => date.toISOString();
const instant = (text) => iso(new Date(text));

/** Parses a calendar with only its own VTIMEZONEs registered, so nothing leaks from another file. */
function parse(text) {
  ICAL.TimezoneService.reset();
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of vcalendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  return vcalendar;
}

/** The offset in seconds that node's own time zone data (ICU) gives a zone at an instant. */
function icuOffset(formatter, milliseconds) {
  const name = formatter.formatToParts(milliseconds).find((part) => part.type === "timeZoneName").value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  assert.ok(match, `unexpected offset name ${name}`);
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] === "-" ? -seconds : seconds;
}

for (const expected of calendars) {
  const bytes = readFileSync(join(folder, expected.file));
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);

  test(`${expected.file}: CRLF only, every line at most 75 octets and whole characters`, () => {
    assert.ok(text.endsWith("\r\n"), "the last line ends with CRLF");
    assert.doesNotMatch(text, /\r(?!\n)|(?<!\r)\n/, "a bare CR or LF");
    let start = 0;
    let lines = 0;
    for (let i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
      const line = bytes.subarray(start, i);
      assert.ok(line.length > 0 && line.length <= 75, `line ${lines + 1} has ${line.length} octets`);
      // A line that splits a character does not decode on its own.
      new TextDecoder("utf-8", { fatal: true }).decode(line);
      start = i + 2;
      lines++;
    }
    assert.equal(start, bytes.length);
    assert.ok(lines > 10);
  });

  test(`${expected.file}: TEXT values escape backslash, semicolon, comma and line breaks`, () => {
    // RFC 5545 §3.3.11, read from the raw text, since ical.js also accepts what is not escaped.
    const textProperties = /^(UID|SUMMARY|DESCRIPTION|LOCATION|PRODID|NAME|X-WR-CALNAME|X-WR-CALDESC|X-WR-TIMEZONE|TZID|TZNAME):(.*)$/;
    const unfolded = text.replaceAll("\r\n ", "").split("\r\n");
    let checked = 0;
    for (const line of unfolded) {
      const match = textProperties.exec(line);
      if (!match) continue;
      assert.match(match[2], /^(?:[^\\;,\x00-\x08\x0a-\x1f\x7f]|\\[\\;,nN])*$/, `${match[1]} is not escaped TEXT: ${match[2]}`);
      checked++;
    }
    assert.ok(checked > 5);
  });

  test(`${expected.file}: the calendar's properties`, () => {
    const vcalendar = parse(text);
    const value = (name) => vcalendar.getFirstPropertyValue(name);
    assert.equal(vcalendar.name, "vcalendar");
    assert.equal(value("version"), "2.0");
    assert.equal(value("prodid"), expected.productId);
    assert.equal(value("calscale"), "GREGORIAN");
    assert.equal(value("method"), "PUBLISH");
    assert.equal(value("name"), expected.name);
    assert.equal(value("x-wr-calname"), expected.name);
    assert.equal(value("description"), expected.description);
    assert.equal(value("x-wr-caldesc"), expected.description);
    assert.equal(value("x-wr-timezone"), expected.timeZone);
    if (expected.refreshInterval) {
      const refresh = vcalendar.getFirstProperty("refresh-interval");
      // RFC 7986 §5.7 requires VALUE=DURATION; without it ical.js would not know the type.
      assert.equal(refresh.type, "duration");
      assert.ok(refresh.getFirstValue() instanceof ICAL.Duration);
      assert.equal(refresh.getFirstValue().toString(), expected.refreshInterval);
      assert.equal(String(value("x-published-ttl")), expected.refreshInterval);
    } else {
      assert.equal(value("refresh-interval"), null);
    }
  });

  test(`${expected.file}: one VTIMEZONE for each TZID used, none for UTC`, () => {
    const vcalendar = parse(text);
    const defined = vcalendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid"));
    const used = [...new Set(expected.events.map((event) => event.tzid).filter(Boolean))];
    assert.deepEqual([...defined].sort(), used.sort());
    assert.equal(new Set(defined).size, defined.length, "a zone defined twice");
    for (const vtimezone of vcalendar.getAllSubcomponents("vtimezone")) {
      const observances = [...vtimezone.getAllSubcomponents("standard"), ...vtimezone.getAllSubcomponents("daylight")];
      assert.ok(observances.length > 0);
      for (const observance of observances) {
        for (const name of ["dtstart", "tzoffsetfrom", "tzoffsetto", "tzname"]) {
          assert.ok(observance.hasProperty(name), `${observance.name} without ${name}`);
        }
      }
    }
  });

  test(`${expected.file}: every event reads back as written`, () => {
    const vcalendar = parse(text);
    const vevents = vcalendar.getAllSubcomponents("vevent");
    assert.deepEqual(vevents.map((vevent) => vevent.getFirstPropertyValue("uid")), expected.events.map((event) => event.uid));

    for (const [index, want] of expected.events.entries()) {
      const vevent = vevents[index];
      const event = new ICAL.Event(vevent);
      const label = want.uid;
      assert.equal(event.uid, want.uid);
      assert.equal(event.summary, want.summary, label);
      assert.equal(event.description, want.description, label);
      assert.equal(event.location, want.location, label);
      assert.equal(vevent.getFirstPropertyValue("url"), want.url, label);
      assert.equal(vevent.getFirstPropertyValue("status"), want.status, label);
      assert.equal(event.sequence, want.sequence, label);

      const stamp = vevent.getFirstPropertyValue("dtstamp");
      assert.equal(stamp.zone, ICAL.Timezone.utcTimezone, `${label}: DTSTAMP is UTC`);
      assert.equal(iso(stamp.toJSDate()), instant(expected.stamp));

      for (const [time, utc] of [[event.startDate, want.start], [event.endDate, want.end]]) {
        if (want.tzid) {
          // The zone must be the one the file defines, not a floating time read in node's own zone.
          assert.equal(time.zone.tzid, want.tzid, label);
          assert.ok(time.zone.component, `${label}: ${want.tzid} comes from a VTIMEZONE`);
        } else {
          assert.equal(time.zone, ICAL.Timezone.utcTimezone, `${label}: a UTC time`);
        }
        assert.equal(iso(time.toJSDate()), instant(utc), `${label}: ${time.toString()} ${want.tzid ?? "UTC"}`);
      }
      assert.ok(event.endDate.compare(event.startDate) > 0, `${label}: DTEND after DTSTART`);

      const alarms = vevent.getAllSubcomponents("valarm");
      if (want.alarmMinutes === null) {
        assert.equal(alarms.length, 0, label);
        continue;
      }
      assert.equal(alarms.length, 1, label);
      const [alarm] = alarms;
      assert.equal(alarm.getFirstPropertyValue("action"), "DISPLAY");
      assert.equal(alarm.getFirstPropertyValue("description"), want.summary);
      const trigger = alarm.getFirstProperty("trigger");
      assert.equal(trigger.getParameter("related"), undefined, "relative to the start");
      assert.ok(trigger.getFirstValue() instanceof ICAL.Duration);
      assert.equal(trigger.getFirstValue().toSeconds(), -60 * want.alarmMinutes, label);
      const rings = event.startDate.clone();
      rings.addDuration(trigger.getFirstValue());
      assert.equal(rings.toJSDate().getTime(), new Date(want.start).getTime() - want.alarmMinutes * 60_000, label);
    }
  });

  test(`${expected.file}: each VTIMEZONE turns every hour of the years its events span into node's own instant`, () => {
    const vcalendar = parse(text);
    for (const vtimezone of vcalendar.getAllSubcomponents("vtimezone")) {
      const tzid = vtimezone.getFirstPropertyValue("tzid");
      const zone = ICAL.TimezoneService.get(tzid);
      // The wall-clock years of the zone's events, as written.
      const years = vcalendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent))
        .filter((event) => event.startDate.zone.tzid === tzid)
        .flatMap((event) => [event.startDate.year, event.endDate.year]);
      const formatter = new Intl.DateTimeFormat("en-US", { timeZone: tzid, timeZoneName: "longOffset" });
      const offset = (at) => icuOffset(formatter, at) * 1000;
      let checked = 0;
      // Each wall-clock hour, written as if it were UTC, read by ical.js through the VTIMEZONE and by ICU.
      for (let wall = Date.UTC(Math.min(...years), 0, 1); wall < Date.UTC(Math.max(...years) + 1, 0, 1); wall += 3_600_000) {
        const instants = new Set([wall - 86_400_000, wall, wall + 86_400_000].map((near) => wall - offset(near)));
        const meant = [...instants].filter((at) => at + offset(at) === wall);
        if (meant.length !== 1) continue; // an hour the clocks skip or repeat, which IcsWriter refuses
        const date = new Date(wall);
        const local = ICAL.Time.fromData({
          year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: 0, second: 0,
        }, zone);
        if (local.toUnixTime() * 1000 !== meant[0]) {
          assert.fail(`${tzid} ${local.toString()}: the VTIMEZONE gives ${iso(local.toJSDate())}, node ${iso(new Date(meant[0]))}`);
        }
        checked++;
      }
      assert.ok(checked > 8000, `${tzid}: ${checked} hours`);
    }
  });
}
