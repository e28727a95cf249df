using System.Globalization;
using System.Text;
using System.Text.Json;
using Stretching.Core.Calendar;
using Stretching.Web.Tests.Player;

namespace Stretching.Web.Tests.Calendar;

/// <summary>
/// Calendar apps read what <see cref="IcsWriter"/> writes, so an independent parser reads it here:
/// this test writes several calendars into a temporary folder with a manifest of what each should
/// hold, and ics-format.test.mjs parses them with ical.js (from npm, restored by the build). Every
/// event's UTC instant is written below by hand, not computed with .NET, so the check that ical.js
/// turns each DTSTART;TZID through the file's own VTIMEZONE into that instant shows the VTIMEZONE
/// is right across the changes of daylight saving time. ics-format.test.mjs also compares the
/// VTIMEZONE's offsets, hour by hour, with node's own time zone data.
/// </summary>
public sealed class CalendarFormatTests
{
    private const string ProductId = "-//Stretching//Calendar format tests//EN";
    private static readonly DateTimeOffset Stamp = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const string LongRussian =
        "Вечерняя растяжка спины: кошка-корова, поза ребёнка, скручивание лёжа и подтягивание коленей к груди. " +
        "Дышите медленно и глубоко; не задерживайте дыхание, и остановитесь, если появится боль, онемение или покалывание.";

    private const string LongEmoji = "🧘‍♀️🙆🏽‍♂️ Stretch 🌙💤 — ружьё, naïve café, 背中のストレッチ, मेरुदंड खिंचाव, e\u0301\u0301 👨‍👩‍👧‍👦 ";

    /// <summary>An event with the UTC instants its wall-clock times are known to mean.</summary>
    private sealed record Expected(IcsEvent Event, string StartUtc, string EndUtc);

    private sealed record Written(string File, IcsCalendar Calendar, string? RefreshInterval, Expected[] Events);

    private static Expected Zoned(string uid, string zone, string start, string end, string startUtc, string endUtc, string summary = "Back stretch") => new(
        new IcsEvent
        {
            Uid = uid,
            Stamp = Stamp,
            Start = DateTime.Parse(start, CultureInfo.InvariantCulture),
            End = DateTime.Parse(end, CultureInfo.InvariantCulture),
            TimeZoneId = zone,
            Summary = summary,
            Description = $"Event {uid} in {zone}",
            Url = new Uri($"https://stretching.example/play?slot={uid}"),
        },
        startUtc, endUtc);

    private static Expected Utc(string uid, string startUtc, string endUtc, string summary = "Back stretch") => new(
        new IcsEvent
        {
            Uid = uid,
            Stamp = Stamp,
            Start = DateTime.Parse(startUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            End = DateTime.Parse(endUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            Summary = summary,
        },
        startUtc, endUtc);

    private static Expected Change(Expected expected, Func<IcsEvent, IcsEvent> change) => expected with { Event = change(expected.Event) };

    private static Written Calendar(string file, string? refresh, params Expected[] events) => new(
        file,
        new IcsCalendar
        {
            ProductId = ProductId,
            Name = $"Stretching: {file}",
            Description = "Sessions from my weekly plan, with a comma, a semicolon; and a back\\slash",
            RefreshInterval = refresh is null ? null : System.Xml.XmlConvert.ToTimeSpan(refresh),
            TimeZoneId = events.Select(e => e.Event.TimeZoneId).FirstOrDefault(id => id is not null),
            Events = events.Select(e => e.Event).ToList(),
        },
        refresh, events);

    private static IEnumerable<Written> Calendars()
    {
        // Berlin: clocks go forward at 02:00 CET on 29 March 2026 and back at 03:00 CEST on 25 October.
        yield return Calendar("berlin.ics", "PT12H",
            Zoned("berlin-before-spring", "Europe/Berlin", "2026-03-28T19:30", "2026-03-28T20:00", "2026-03-28T18:30:00Z", "2026-03-28T19:00:00Z"),
            Zoned("berlin-across-spring", "Europe/Berlin", "2026-03-29T01:30", "2026-03-29T03:30", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"),
            Zoned("berlin-after-spring", "Europe/Berlin", "2026-03-29T19:30", "2026-03-29T20:00", "2026-03-29T17:30:00Z", "2026-03-29T18:00:00Z"),
            Zoned("berlin-before-autumn", "Europe/Berlin", "2026-10-24T19:30", "2026-10-24T20:00", "2026-10-24T17:30:00Z", "2026-10-24T18:00:00Z"),
            Zoned("berlin-across-autumn", "Europe/Berlin", "2026-10-25T01:30", "2026-10-25T03:30", "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"),
            Zoned("berlin-after-autumn", "Europe/Berlin", "2026-10-25T19:30", "2026-10-25T20:00", "2026-10-25T18:30:00Z", "2026-10-25T19:00:00Z"),
            Zoned("berlin-november", "Europe/Berlin", "2026-11-23T19:30", "2026-11-23T19:50", "2026-11-23T18:30:00Z", "2026-11-23T18:50:00Z"),
            Zoned("berlin-next-summer", "Europe/Berlin", "2027-07-01T07:00", "2027-07-01T07:20", "2027-07-01T05:00:00Z", "2027-07-01T05:20:00Z"));

        // New York: forward on 8 March 2026, back on 1 November; one event runs into 2027.
        yield return Calendar("new-york.ics", "PT1H30M",
            Zoned("ny-before-spring", "America/New_York", "2026-03-07T18:00", "2026-03-07T18:30", "2026-03-07T23:00:00Z", "2026-03-07T23:30:00Z"),
            Zoned("ny-after-spring", "America/New_York", "2026-03-09T18:00", "2026-03-09T18:30", "2026-03-09T22:00:00Z", "2026-03-09T22:30:00Z"),
            Zoned("ny-before-autumn", "America/New_York", "2026-10-31T18:00", "2026-10-31T18:30", "2026-10-31T22:00:00Z", "2026-10-31T22:30:00Z"),
            Zoned("ny-after-autumn", "America/New_York", "2026-11-02T18:00", "2026-11-02T18:30", "2026-11-02T23:00:00Z", "2026-11-02T23:30:00Z"),
            Zoned("ny-new-year", "America/New_York", "2026-12-31T23:30", "2027-01-01T00:15", "2027-01-01T04:30:00Z", "2027-01-01T05:15:00Z"));

        // Kolkata has no daylight saving time: +05:30 all year.
        yield return Calendar("kolkata.ics", "P1D",
            Zoned("kolkata-june", "Asia/Kolkata", "2026-06-15T07:00", "2026-06-15T07:30", "2026-06-15T01:30:00Z", "2026-06-15T02:00:00Z"),
            Zoned("kolkata-december", "Asia/Kolkata", "2026-12-15T21:00", "2026-12-15T21:45", "2026-12-15T15:30:00Z", "2026-12-15T16:15:00Z"));

        yield return Calendar("utc.ics", null,
            Utc("utc-morning", "2026-05-01T06:00:00Z", "2026-05-01T06:30:00Z"),
            Utc("utc-new-year", "2026-12-31T23:45:00Z", "2027-01-01T00:15:00Z"));

        yield return Calendar("mixed.ics", "PT12H",
            Change(Zoned("mixed-berlin", "Europe/Berlin", "2026-03-29T08:00", "2026-03-29T08:45", "2026-03-29T06:00:00Z", "2026-03-29T06:45:00Z", LongRussian),
                e => e with { Description = LongRussian + "\n\n" + LongEmoji + LongEmoji, Location = "Гостиная, коврик у окна; Berlin", AlarmMinutes = 15, Sequence = 4, Status = IcsStatus.Confirmed }),
            // Across the night New York's clocks go back: 00:30 EDT to 03:30 EST.
            Change(Zoned("mixed-new-york", "America/New_York", "2026-11-01T00:30", "2026-11-01T03:30", "2026-11-01T04:30:00Z", "2026-11-01T08:30:00Z", LongEmoji + LongEmoji),
                e => e with { Description = @"Escapes: back\slash, comma; semicolon, typed \n and \, as they are" + "\nnew line", AlarmMinutes = 0, Status = IcsStatus.Tentative }),
            Change(Zoned("mixed-kolkata", "Asia/Kolkata", "2026-10-25T06:00", "2026-10-25T06:20", "2026-10-25T00:30:00Z", "2026-10-25T00:50:00Z", "मेरुदंड खिंचाव " + LongRussian),
                e => e with { AlarmMinutes = 1440, Status = IcsStatus.Cancelled }),
            Change(Utc("mixed-utc", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "UTC; plain, " + LongEmoji),
                e => e with { AlarmMinutes = 5 }));

        // Four-octet characters at every offset from a fold, so one of them meets it.
        yield return Calendar("alignment.ics", null, [.. Enumerable.Range(0, 4).Select(shift =>
            Utc($"alignment-{shift}", "2026-06-01T06:00:00Z", "2026-06-01T06:30:00Z", new string('x', shift) + LongEmoji + LongEmoji + LongEmoji))]);

        var one = Change(Zoned("one-berlin", "Europe/Berlin", "2026-10-25T07:00", "2026-10-25T07:20", "2026-10-25T06:00:00Z", "2026-10-25T06:20:00Z", LongRussian),
            e => e with { AlarmMinutes = 10 });
        yield return new Written("one-event.ics", IcsCalendar.ForEvent(ProductId, one.Event), null, [one]);
    }

    [Fact]
    public async Task IcalJsReadsEveryCalendarAsWritten()
    {
        var folder = Directory.CreateTempSubdirectory("stretching-ics-");
        try
        {
            var manifest = new List<object>();
            foreach (var written in Calendars())
            {
                // Strict UTF-8, so half a character left at a fold fails here rather than turning into U+FFFD.
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, written.File), IcsWriter.Write(written.Calendar), StrictUtf8);
                manifest.Add(Describe(written));
            }
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "manifest.json"),
                JsonSerializer.Serialize(new { calendars = manifest }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            await NodeTestRunner.RunAsync("ics-format.test.mjs", new Dictionary<string, string> { ["ICS_FORMAT_DIR"] = folder.FullName }, folder: "Calendar");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static object Describe(Written written) => new
    {
        file = written.File,
        productId = written.Calendar.ProductId,
        name = written.Calendar.Name,
        description = written.Calendar.Description,
        timeZone = written.Calendar.TimeZoneId,
        refreshInterval = written.RefreshInterval,
        stamp = "2026-11-20T08:00:00Z",
        events = written.Events.Select(e => new
        {
            uid = e.Event.Uid,
            summary = e.Event.Summary,
            description = e.Event.Description,
            location = e.Event.Location,
            url = e.Event.Url?.AbsoluteUri,
            status = e.Event.Status switch
            {
                IcsStatus.Tentative => "TENTATIVE",
                IcsStatus.Confirmed => "CONFIRMED",
                IcsStatus.Cancelled => "CANCELLED",
                _ => null,
            },
            sequence = e.Event.Sequence,
            tzid = e.Event.TimeZoneId,
            start = e.StartUtc,
            end = e.EndUtc,
            alarmMinutes = e.Event.AlarmMinutes,
        }),
    };
}
