using System.Globalization;
using System.Text;
using Stretching.Core.Planning;

namespace Stretching.Core.Calendar;

/// <summary>
/// Writes an <see cref="IcsCalendar"/> as an RFC 5545 iCalendar object: the calendar's properties,
/// one VTIMEZONE for each zone its events use, then the events. The text is meant to be sent as UTF-8
/// (the default charset of text/calendar, §3.1.4).
/// </summary>
public static class IcsWriter
{
    /// <summary>Writes the calendar; an event that cannot be written correctly is an <see cref="ArgumentException"/>.</summary>
    public static string Write(IcsCalendar calendar)
    {
        if (calendar.TimeZoneId is { } calendarZone) FindZone(calendarZone);
        // One VTIMEZONE per TZID, covering every year its events touch.
        var zones = calendar.Events.Select(Check).Where(e => e.Zone is not null)
            .GroupBy(e => e.ZoneId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Zone!, g.Min(e => e.FirstYear), g.Max(e => e.LastYear)))
            .ToList();

        var lines = new ContentLines();
        lines.Add("BEGIN", "VCALENDAR");
        lines.Add("VERSION", "2.0");
        lines.Add("PRODID", Text(calendar.ProductId));
        lines.Add("CALSCALE", "GREGORIAN");
        lines.Add("METHOD", "PUBLISH");
        // RFC 7986 names a calendar with NAME and DESCRIPTION; the X-WR- forms are what Apple and Google read.
        lines.Add("NAME", Text(calendar.Name));
        lines.Add("X-WR-CALNAME", Text(calendar.Name));
        if (calendar.Description is { } description)
        {
            lines.Add("DESCRIPTION", Text(description));
            lines.Add("X-WR-CALDESC", Text(description));
        }
        if (calendar.TimeZoneId is { } timeZone) lines.Add("X-WR-TIMEZONE", Text(timeZone));
        if (calendar.RefreshInterval is { } refresh)
        {
            // RFC 7986 §5.7, and the older X-PUBLISHED-TTL that Outlook reads.
            lines.Add("REFRESH-INTERVAL;VALUE=DURATION", Duration(refresh));
            lines.Add("X-PUBLISHED-TTL", Duration(refresh));
        }
        foreach (var (id, zone, firstYear, lastYear) in zones) WriteTimeZone(lines, id, zone, firstYear, lastYear);
        foreach (var calendarEvent in calendar.Events) WriteEvent(lines, calendarEvent);
        lines.Add("END", "VCALENDAR");
        return lines.ToString();
    }

    private static void WriteTimeZone(ContentLines lines, string id, TimeZoneInfo zone, int firstYear, int lastYear)
    {
        lines.Add("BEGIN", "VTIMEZONE");
        lines.Add("TZID", id);
        foreach (var observance in IcsTimeZone.Observances(zone, firstYear, lastYear))
        {
            var kind = observance.Daylight ? "DAYLIGHT" : "STANDARD";
            lines.Add("BEGIN", kind);
            lines.Add("DTSTART", Local(observance.Onset));
            lines.Add("TZOFFSETFROM", Offset(observance.From));
            lines.Add("TZOFFSETTO", Offset(observance.To));
            lines.Add("TZNAME", Text(observance.Name));
            lines.Add("END", kind);
        }
        lines.Add("END", "VTIMEZONE");
    }

    private static void WriteEvent(ContentLines lines, IcsEvent calendarEvent)
    {
        lines.Add("BEGIN", "VEVENT");
        lines.Add("UID", Text(calendarEvent.Uid));
        lines.Add("DTSTAMP", Utc(calendarEvent.Stamp.UtcDateTime));
        lines.Add("SEQUENCE", calendarEvent.Sequence.ToString(CultureInfo.InvariantCulture));
        // §3.3.5: a wall-clock time names its zone in TZID (form 3); a UTC time ends in Z (form 2).
        var zone = calendarEvent.TimeZoneId is { } id ? $";TZID={id}" : "";
        lines.Add("DTSTART" + zone, DateTimeValue(calendarEvent, calendarEvent.Start));
        lines.Add("DTEND" + zone, DateTimeValue(calendarEvent, calendarEvent.End));
        lines.Add("SUMMARY", Text(calendarEvent.Summary));
        if (calendarEvent.Description is { } description) lines.Add("DESCRIPTION", Text(description));
        if (calendarEvent.Location is { } location) lines.Add("LOCATION", Text(location));
        // URL is a URI value (§3.8.4.6), not TEXT, so it is not escaped.
        if (calendarEvent.Url is { } url) lines.Add("URL", url.AbsoluteUri);
        if (calendarEvent.Status is { } status) lines.Add("STATUS", status.ToString().ToUpperInvariant());
        if (calendarEvent.AlarmMinutes is { } minutes)
        {
            // §3.6.6: a DISPLAY alarm needs a DESCRIPTION; the trigger is relative to the start.
            lines.Add("BEGIN", "VALARM");
            lines.Add("ACTION", "DISPLAY");
            lines.Add("DESCRIPTION", Text(calendarEvent.Summary));
            lines.Add("TRIGGER", $"-PT{minutes.ToString(CultureInfo.InvariantCulture)}M");
            lines.Add("END", "VALARM");
        }
        lines.Add("END", "VEVENT");
    }

    /// <summary>An event's TZID and zone (null for UTC) and the years its times fall in, once it is known to be writable.</summary>
    private sealed record CheckedEvent(string? ZoneId, TimeZoneInfo? Zone, int FirstYear, int LastYear);

    private static CheckedEvent Check(IcsEvent calendarEvent)
    {
        var name = $"event '{calendarEvent.Uid}'";
        if (string.IsNullOrWhiteSpace(calendarEvent.Uid)) throw new ArgumentException("An event needs a UID.");
        if (calendarEvent.Sequence < 0) throw new ArgumentException($"The {name} has a negative SEQUENCE.");
        if (calendarEvent.AlarmMinutes < 0) throw new ArgumentException($"The {name} has its alarm after its start.");
        if (calendarEvent.Url is { IsAbsoluteUri: false }) throw new ArgumentException($"The {name} has a relative URL.");

        var zone = calendarEvent.TimeZoneId is { } id ? FindZone(id) : null;
        var start = Instant(name, zone, calendarEvent.Start);
        var end = Instant(name, zone, calendarEvent.End);
        if (end <= start) throw new ArgumentException($"The {name} ends at or before its start.");
        return new CheckedEvent(calendarEvent.TimeZoneId, zone, calendarEvent.Start.Year, calendarEvent.End.Year);
    }

    /// <summary>The UTC instant a written time means, to the second that is written.</summary>
    private static DateTime Instant(string name, TimeZoneInfo? zone, DateTime time)
    {
        time = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
        if (zone is null)
        {
            return time.Kind == DateTimeKind.Utc ? time
                : throw new ArgumentException($"The {name} has no time zone, so its times must be UTC.");
        }
        if (time.Kind != DateTimeKind.Unspecified)
        {
            throw new ArgumentException($"The {name} is in {zone.Id}, so its times must be wall-clock times there (DateTimeKind.Unspecified).");
        }
        // §3.3.5 reads a skipped time with the offset before the gap and a repeated one as its first
        // occurrence, but clients differ (ical.js takes the second), so neither is written.
        if (zone.IsInvalidTime(time) || zone.IsAmbiguousTime(time))
        {
            throw new ArgumentException(
                $"The {name} starts or ends at {time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}, which {zone.Id} skips or repeats when its clocks change; give it in UTC to say which instant.");
        }
        var offset = zone.GetUtcOffset(time);
        return DateTime.SpecifyKind(time - offset, DateTimeKind.Utc);
    }

    private static TimeZoneInfo FindZone(string id) =>
        Zones.TryFind(id, out var zone) ? zone
            : throw new ArgumentException($"'{id}' is not a time zone this system knows.");

    private static string DateTimeValue(IcsEvent calendarEvent, DateTime time) =>
        calendarEvent.TimeZoneId is null ? Utc(time) : Local(time);

    private static string Local(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Utc(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>§3.3.14: +hhmm, with seconds only when there are some; zero is +0000, never -0000.</summary>
    private static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var size = offset.Duration();
        var text = $"{sign}{size.Hours:00}{size.Minutes:00}";
        return size.Seconds == 0 ? text : text + $"{size.Seconds:00}";
    }

    /// <summary>
    /// §3.3.6: days, then a time part whose units may not skip one between two they use (PT1H0M5S,
    /// never PT1H5S). Used for REFRESH-INTERVAL, so it is never negative.
    /// </summary>
    private static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A refresh interval is at least a second.");
        var text = new StringBuilder("P");
        if (duration.Days > 0) text.Append(CultureInfo.InvariantCulture, $"{duration.Days}D");
        var (hours, minutes, seconds) = (duration.Hours, duration.Minutes, duration.Seconds);
        if (hours + minutes + seconds == 0) return text.ToString();
        text.Append('T');
        if (hours > 0) text.Append(CultureInfo.InvariantCulture, $"{hours}H");
        if (minutes > 0 || (hours > 0 && seconds > 0)) text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
        if (seconds > 0) text.Append(CultureInfo.InvariantCulture, $"{seconds}S");
        return text.ToString();
    }

    /// <summary>
    /// §3.3.11: a TEXT value escapes backslash, semicolon and comma, and writes a line break as \n.
    /// Other control characters are not allowed in TEXT, so they are left out.
    /// </summary>
    private static string Text(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': text.Append(@"\n"); break;
                case '\t': text.Append('\t'); break;
                case < ' ' or '\u007f': break;
                default: text.Append(value[i]); break;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Content lines (§3.1): each ends with CRLF and is folded so that no line is longer than 75
    /// octets of UTF-8. A fold is CRLF and one space, and that space counts toward the next line's
    /// 75; folds fall between characters, never inside one.
    /// </summary>
    private sealed class ContentLines
    {
        private const int MaxOctets = 75;
        private readonly StringBuilder text = new();

        public void Add(string nameAndParameters, string value)
        {
            var octets = 0;
            Span<char> utf16 = stackalloc char[2];
            foreach (var character in $"{nameAndParameters}:{value}".EnumerateRunes())
            {
                if (octets + character.Utf8SequenceLength > MaxOctets)
                {
                    text.Append("\r\n ");
                    octets = 1;
                }
                text.Append(utf16[..character.EncodeToUtf16(utf16)]);
                octets += character.Utf8SequenceLength;
            }
            text.Append("\r\n");
        }

        public override string ToString() => text.ToString();
    }
}
