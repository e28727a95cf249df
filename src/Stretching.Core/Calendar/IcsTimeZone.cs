namespace Stretching.Core.Calendar;

/// <summary>
/// The observances of a VTIMEZONE (RFC 5545 §3.6.5) for whole years, read from .NET's
/// <see cref="TimeZoneInfo"/>: one for the offset in force on 1 January of the first year, then one
/// per change of offset up to the end of the last year, each with its exact date. Explicit dates
/// rather than RRULEs, because the adjustment rules .NET builds differ between Windows and the IANA
/// files on Linux, while the offsets they give are the same; a zone without changes in those years
/// (no DST, like Asia/Kolkata) gets a single observance.
/// </summary>
internal static class IcsTimeZone
{
    /// <summary>
    /// One STANDARD or DAYLIGHT sub-component: <see cref="Onset"/> is the wall-clock time at which it
    /// starts, read in the offset before it (<see cref="From"/>), as §3.8.2.4 and its examples ask.
    /// </summary>
    internal sealed record Observance(DateTime Onset, TimeSpan From, TimeSpan To, bool Daylight, string Name);

    public static IReadOnlyList<Observance> Observances(TimeZoneInfo zone, int firstYear, int lastYear)
    {
        var start = ToUtc(zone, new DateTime(firstYear, 1, 1));
        var end = ToUtc(zone, new DateTime(lastYear + 1, 1, 1));
        var offset = zone.GetUtcOffset(start);
        var observances = new List<Observance> { Make(zone, start, offset, offset) };

        // Hour by hour: no zone changes its offset twice within an hour, and changes fall on whole seconds.
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            var next = hour.AddHours(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset == offset) continue;
            observances.Add(Make(zone, FirstSecondWithNewOffset(zone, hour, next, offset), offset, nextOffset));
            offset = nextOffset;
        }
        return observances;
    }

    private static Observance Make(TimeZoneInfo zone, DateTime utc, TimeSpan from, TimeSpan to)
    {
        var daylight = zone.IsDaylightSavingTime(utc);
        return new Observance(DateTime.SpecifyKind(utc + from, DateTimeKind.Unspecified), from, to, daylight,
            daylight ? zone.DaylightName : zone.StandardName);
    }

    /// <summary>Binary search between an instant with the old offset and one with the new.</summary>
    private static DateTime FirstSecondWithNewOffset(TimeZoneInfo zone, DateTime before, DateTime after, TimeSpan oldOffset)
    {
        while (after - before > TimeSpan.FromSeconds(1))
        {
            var middle = before.AddSeconds(Math.Floor((after - before).TotalSeconds / 2));
            if (zone.GetUtcOffset(middle) == oldOffset) before = middle;
            else after = middle;
        }
        return after;
    }

    /// <summary>The UTC instant of a wall-clock time; any instant near it will do for where a scan starts.</summary>
    private static DateTime ToUtc(TimeZoneInfo zone, DateTime local) =>
        DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc);
}
