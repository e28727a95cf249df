using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stretching.Core.Sessions;

namespace Stretching.Core.Planning;

/// <summary>
/// Puts a weekly plan on the calendar: its slots on real dates in the plan's time zone, with the
/// one-off changes applied, and the stable ids and seeds that tie an occurrence to one session.
/// </summary>
public static class PlanCalendar
{
    /// <summary>
    /// Every occurrence whose local date (after any move) is in [<paramref name="from"/>,
    /// <paramref name="toExclusive"/>), sorted by start. A slot keeps its wall-clock time across a
    /// daylight-saving change, so its UTC instant shifts by the change; a time that does not exist
    /// that day (the spring-forward gap) starts as much later as the gap is long, and a time that
    /// exists twice (the autumn overlap) starts at the first of the two, still in daylight time.
    /// <see cref="Occurrence.Start"/> is the UTC instant (offset zero) and
    /// <see cref="Occurrence.LocalStart"/> the wall time it shows in the plan's zone.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The plan's time zone is not a known IANA id.</exception>
    public static IReadOnlyList<Occurrence> Occurrences(WeeklyPlan plan, DateOnly from, DateOnly toExclusive)
    {
        var zone = Zones.Find(plan.TimeZone);
        var slots = plan.Slots.ToDictionary(s => s.Id);
        // A later change to the same occurrence replaces an earlier one.
        var changes = new Dictionary<(string SlotId, DateOnly Date), SlotException>();
        foreach (var change in plan.Exceptions.Where(c => slots.TryGetValue(c.SlotId, out var slot) && c.Date.DayOfWeek == slot.Day))
        {
            changes[(change.SlotId, change.Date)] = change;
        }

        var occurrences = new List<Occurrence>();
        for (var date = from; date < toExclusive; date = date.AddDays(1))
        {
            foreach (var slot in plan.Slots.Where(s => s.Day == date.DayOfWeek))
            {
                // Skipped occurrences vanish; moved ones are placed below, by where they moved to.
                if (changes.GetValueOrDefault((slot.Id, date)) is { } change && (change.Skipped || IsMove(change))) continue;
                occurrences.Add(At(slot, date, date, slot.Time, moved: false, zone));
            }
        }
        foreach (var move in changes.Values.Where(c => !c.Skipped && IsMove(c)))
        {
            var date = move.MovedToDate ?? move.Date;
            if (date < from || date >= toExclusive) continue;
            var slot = slots[move.SlotId];
            occurrences.Add(At(slot, move.Date, date, move.MovedToTime ?? slot.Time, moved: true, zone));
        }
        return occurrences.OrderBy(o => o.Start).ThenBy(o => o.Slot.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Monday of the ISO week <paramref name="date"/> is in.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// The seed a preset slot builds with in the week starting <paramref name="weekStart"/>: the same
    /// on every machine and run (the first four bytes of SHA-256 over "slotId|yyyy-MM-dd"), so a
    /// week's session can be rebuilt exactly, while each week gets other exercises.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="weekStart"/> is not a Monday.</exception>
    public static int PresetSeed(string slotId, DateOnly weekStart)
    {
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A week starts on a Monday; {weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}.", nameof(weekStart));
        }
        var text = $"{slotId}|{weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BinaryPrimitives.ReadInt32BigEndian(hash) & int.MaxValue;
    }

    /// <summary>
    /// What a preset slot plays on the occurrence of <paramref name="date"/> (its own date, before any
    /// move, so moving a session does not change it): the slot's request with the seed of that
    /// week. Null for a slot that plays a routine or a saved session.
    /// </summary>
    public static SessionInput? PresetInput(PlanSlot slot, DateOnly date) =>
        slot.Play is SlotPlay.Preset preset
            ? preset.Request with { Seed = PresetSeed(slot.Id, WeekStart(date)) }
            : null;

    /// <summary>A stable id for one occurrence, by its own date before any move: for calendar UIDs and player links.</summary>
    public static string OccurrenceId(string slotId, DateOnly date) =>
        $"{slotId}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>The UTC instant of a local wall time in <paramref name="zone"/>, by the rules in <see cref="Occurrences"/>.</summary>
    private static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // In the gap, read the time with the offset in force before it; the clock then shows it
            // as much later as the gap is long (02:30 in a 02:00-03:00 gap starts at 03:30).
            offset = Min(zone.GetUtcOffset(local.AddDays(-1)), zone.GetUtcOffset(local.AddDays(1)));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows this time.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    private static bool IsMove(SlotException change) => change.MovedToDate is not null || change.MovedToTime is not null;

    private static Occurrence At(PlanSlot slot, DateOnly ownDate, DateOnly date, TimeOnly time, bool moved, TimeZoneInfo zone)
    {
        var start = ToInstant(date, time, zone);
        var localStart = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(start.UtcDateTime, zone), DateTimeKind.Unspecified);
        return new Occurrence(slot, ownDate, localStart, start, moved);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
